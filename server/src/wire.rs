//! How request bodies read JSON where serde's defaults differ from JSON Schema, which the
//! contract (`openapi.json`) is written in: an integer may be written with a zero
//! fraction (`3.0` and `3e2` are integers to JSON Schema, and JavaScript writes large
//! numbers so), and an object must be an object (serde would also read a struct from an
//! array of its fields in order).

use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// An `i64` written as a JSON integer or as a number whose fraction is zero.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct WholeNumber(i64);

impl<'de> Deserialize<'de> for WholeNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Whole;
        impl Visitor<'_> for Whole {
            type Value = WholeNumber;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a whole number")
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<WholeNumber, E> {
                Ok(WholeNumber(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<WholeNumber, E> {
                i64::try_from(v)
                    .map(WholeNumber)
                    .map_err(|_| E::invalid_value(de::Unexpected::Unsigned(v), &self))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<WholeNumber, E> {
                // serde_json reads an integer beyond i64 and u64 (-9223372036854775809)
                // as the nearest f64, which is ±2^63 itself: both ends stay out, and every
                // whole f64 strictly between fits an i64 (i64::MIN comes as an integer).
                const LIMIT: f64 = 9_223_372_036_854_775_808.0;
                if v.fract() == 0.0 && v > -LIMIT && v < LIMIT {
                    Ok(WholeNumber(v as i64))
                } else {
                    Err(E::invalid_value(de::Unexpected::Float(v), &self))
                }
            }
        }
        d.deserialize_any(Whole)
    }
}

/// `deserialize_with` for an optional id (`null` or absent → `None`).
pub fn id<'de, D: Deserializer<'de>>(d: D) -> Result<Option<i64>, D::Error> {
    Ok(Option::<WholeNumber>::deserialize(d)?.map(|w| w.0))
}

/// `deserialize_with` for an optional list of ids (`null` or absent → `None`).
pub fn ids<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<i64>>, D::Error> {
    let list = Option::<Vec<WholeNumber>>::deserialize(d)?;
    Ok(list.map(|l| l.into_iter().map(|w| w.0).collect()))
}

/// `deserialize_with` for an optional nested object (`null` or absent → `None`); an
/// array is refused like any other non-object. The object is read in place, so an error
/// inside it still names its whole path (`assign_matching.except[2]`).
pub fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    struct Optional<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for Optional<T> {
        type Value = Option<T>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object or null")
        }
        fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
            Ok(None)
        }
        fn visit_some<D2: Deserializer<'de>>(self, d: D2) -> Result<Option<T>, D2::Error> {
            d.deserialize_map(Object(PhantomData)).map(Some)
        }
    }
    struct Object<T>(PhantomData<T>);
    impl<'de, T: Deserialize<'de>> Visitor<'de> for Object<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object")
        }
        fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
            T::deserialize(de::value::MapAccessDeserializer::new(map))
        }
    }
    d.deserialize_option(Optional(PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize)]
    struct Inner {
        #[serde(default, deserialize_with = "ids")]
        except: Option<Vec<i64>>,
    }

    #[derive(Debug, Deserialize)]
    struct Body {
        #[serde(default, deserialize_with = "id")]
        group_id: Option<i64>,
        #[serde(default, deserialize_with = "ids")]
        assign: Option<Vec<i64>>,
        #[serde(default, deserialize_with = "object")]
        matching: Option<Inner>,
    }

    fn body(json: &str) -> Result<Body, String> {
        serde_json::from_str(json).map_err(|e| e.to_string())
    }

    // Integers in any form JSON Schema calls an integer are read; others are refused.
    #[test]
    fn whole_numbers_with_a_zero_fraction_are_integers() {
        let b = body(r#"{"group_id": 7.0, "assign": [1, 2.0, 3e2, -4.0, 9007199254740992.0, -9223372036854775808]}"#)
            .unwrap();
        assert_eq!(b.group_id, Some(7));
        assert_eq!(
            b.assign,
            Some(vec![1, 2, 300, -4, 9_007_199_254_740_992, i64::MIN])
        );
        for bad in [
            r#"{"group_id": 7.5}"#,
            r#"{"assign": [1.25]}"#,
            r#"{"assign": [1e19]}"#,
            r#"{"assign": [18446744073709551615]}"#,
            r#"{"assign": [9223372036854775808]}"#,
            r#"{"assign": [-9223372036854775809]}"#,
            r#"{"assign": ["1"]}"#,
        ] {
            let e = body(bad).unwrap_err();
            assert!(e.contains("whole number"), "{bad}: {e}");
        }
    }

    // Absent and null are None; a nested object must be an object.
    #[test]
    fn nested_objects_must_be_objects() {
        let b = body(r#"{"group_id": null, "assign": null, "matching": null}"#).unwrap();
        assert_eq!(
            (b.group_id, b.assign, b.matching.is_none()),
            (None, None, true)
        );
        let b = body(r#"{"matching": {"except": [3.0]}}"#).unwrap();
        assert_eq!(b.matching.unwrap().except, Some(vec![3]));
        let e = body(r#"{"matching": [[1]]}"#).unwrap_err();
        assert!(e.contains("expected an object"), "{e}");
        let e = body(r#"{"matching": {"except": [1, "2"]}}"#).unwrap_err();
        assert!(e.contains("whole number"), "{e}");
    }
}
