//! Saving a text the app made (a CSV export, a list of what was not found) as a file
//! on the admin's computer: a `Blob`, an object URL and a click on a hidden link.

/// Offers `content` as a download named `file_name`.
pub fn download(file_name: &str, content: &str, mime: &str) -> Result<(), String> {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::{JsCast, JsValue};
        let err = |e: JsValue| format!("{e:?}");
        let parts = js_sys::Array::of1(&JsValue::from_str(content));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob =
            web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(err)?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(err)?;
        let document = leptos::prelude::document();
        let link: web_sys::HtmlAnchorElement =
            document.create_element("a").map_err(err)?.unchecked_into();
        link.set_href(&url);
        link.set_download(file_name);
        // In the page while it is clicked, and the URL kept until the browser has
        // started the download (some cancel one whose URL is revoked at once).
        let body = document.body().ok_or("no document body")?;
        body.append_child(&link).map_err(err)?;
        link.click();
        link.remove();
        leptos::prelude::set_timeout(
            move || {
                let _ = web_sys::Url::revoke_object_url(&url);
            },
            std::time::Duration::from_secs(30),
        );
        Ok(())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (file_name, content, mime);
        Err("downloads need a browser".into())
    }
}
