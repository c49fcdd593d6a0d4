//! Configurations read from JSON strictly: a field the type does not have — a typo such as
//! `"rotaton"`, at the top level or inside an operation — is refused with its place and the
//! fields there, instead of being ignored (a run would then train without the setting and
//! nobody would know). Works for any type that writes back every field it reads (burn's
//! `Config` types do): the JSON is read, written back, and every field given must be there.

use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

/// `text` as a `T`, refusing fields `T` does not have.
pub fn from_str<T: Serialize + DeserializeOwned>(text: &str) -> Result<T, String> {
    let given: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let parsed: T = serde_json::from_value(given.clone()).map_err(|e| e.to_string())?;
    let known = serde_json::to_value(&parsed).map_err(|e| e.to_string())?;
    match unknown(&given, &known, "") {
        Some((at, fields)) => Err(format!(
            "unknown field `{at}` (the fields there are: {})",
            fields.join(", ")
        )),
        None => Ok(parsed),
    }
}

/// The first field of `given` that `known` (the same value written back) lacks, with the
/// fields `known` has there.
fn unknown(given: &Value, known: &Value, at: &str) -> Option<(String, Vec<String>)> {
    match (given, known) {
        (Value::Object(given), Value::Object(known)) => given.iter().find_map(|(key, value)| {
            let here = if at.is_empty() {
                key.clone()
            } else {
                format!("{at}.{key}")
            };
            match known.get(key) {
                None => Some((here, known.keys().cloned().collect())),
                Some(back) => unknown(value, back, &here),
            }
        }),
        (Value::Array(given), Value::Array(known)) if given.len() == known.len() => given
            .iter()
            .zip(known)
            .enumerate()
            .find_map(|(i, (g, k))| unknown(g, k, &format!("{at}[{i}]"))),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::augment::AugmentConfig;
    use crate::train::TrainingConfig;

    #[test]
    fn a_field_the_type_lacks_is_refused_at_any_depth_and_the_rest_reads() {
        let augment = serde_json::to_value(AugmentConfig::default()).unwrap();
        let text = augment.to_string();
        assert_eq!(
            from_str::<AugmentConfig>(&text).unwrap(),
            AugmentConfig::default()
        );
        let mut top = augment.clone();
        top["rotaton"] = 5.into();
        let err = from_str::<AugmentConfig>(&top.to_string()).unwrap_err();
        assert!(
            err.starts_with("unknown field `rotaton` (the fields there are: "),
            "{err}"
        );
        // Inside an operation.
        let (name, _) = augment
            .as_object()
            .unwrap()
            .iter()
            .find(|(_, v)| v.is_object())
            .unwrap();
        let mut inner = augment.clone();
        inner[name]["probabilty"] = 0.5.into();
        let err = from_str::<AugmentConfig>(&inner.to_string()).unwrap_err();
        assert!(
            err.starts_with(&format!("unknown field `{name}.probabilty`")),
            "{err}"
        );
        // A training configuration, its model inside.
        let training = serde_json::to_value(TrainingConfig::new(
            crate::model::ModelConfig::preset("model2").unwrap(),
        ))
        .unwrap();
        assert!(from_str::<TrainingConfig>(&training.to_string()).is_ok());
        let mut typo = training.clone();
        typo["learning_rte"] = 0.1.into();
        assert!(
            from_str::<TrainingConfig>(&typo.to_string())
                .unwrap_err()
                .contains("`learning_rte`")
        );
        // Not JSON, or the wrong type: serde's own message.
        assert!(from_str::<AugmentConfig>("{").is_err());
    }
}
