// The Medusa server of `cargo xtask test` and `cargo xtask serve --dialect medusa`: every
// setting comes from the environment that `xtask/src/medusa.rs` sets (database, CORS for
// the page's origin, secrets); the admin dashboard is off (the app is the admin here).
const { loadEnv, defineConfig } = require("@medusajs/framework/utils");

loadEnv(process.env.NODE_ENV || "development", process.cwd());

module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    http: {
      storeCors: process.env.STORE_CORS,
      adminCors: process.env.ADMIN_CORS,
      authCors: process.env.AUTH_CORS,
      jwtSecret: process.env.JWT_SECRET,
      cookieSecret: process.env.COOKIE_SECRET,
    },
  },
  admin: { disable: true },
});
