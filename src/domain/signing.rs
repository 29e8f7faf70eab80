//! A person's signing key: derived from her personal code with Argon2id and a salt of her own,
//! so that only the public key and the salt are ever stored, and nothing can be signed in her
//! name without her code.

use super::ids::{HalfDayId, PersonId};
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as B64;
use chrono::{DateTime, Duration, Utc};
use ed25519_dalek::{Signer as _, SigningKey, Verifier as _, VerifyingKey};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The fewest characters a personal code may have.
pub const MIN_CODE_CHARS: usize = 6;
/// Wrong codes in a row before a line waits.
pub const MAX_WRONG_CODES: u32 = 5;
/// How long a line waits after too many wrong codes.
pub const WRONG_CODE_PAUSE: Duration = Duration::minutes(1);

/// The cost of deriving a key from a code: what makes guessing a 6-character code slow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct KdfParams {
    /// Memory, in KiB.
    pub m_kib: u32,
    /// Passes.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

impl KdfParams {
    /// About a fifth of a second on a 2020s laptop (see `benches/signing.rs`): slow enough for
    /// guesses, quick enough for a roll call of twelve.
    pub const DEFAULT: Self = Self {
        m_kib: 64 * 1024,
        t: 3,
        p: 1,
    };
}

/// A person's registered key: the public half and the salt, never the code or the private half.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonKey {
    /// Whose key.
    pub person: PersonId,
    /// The Ed25519 public key, base64.
    pub public: String,
    /// The Argon2id salt, base64.
    pub salt: String,
    /// The Argon2id cost it was derived with.
    pub kdf: KdfParams,
    /// When it was registered (her first signature).
    pub since: DateTime<Utc>,
    /// Set when her code was reset: the key signs no more, its signatures still verify.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reset: Option<KeyReset>,
}

/// A code reset, kept in the key list as its history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeyReset {
    /// The trainer who reset it.
    pub by: PersonId,
    /// When.
    pub at: DateTime<Utc>,
    /// Why.
    pub reason: String,
}

/// Why a code or a signature was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignError {
    /// The code is too short.
    #[error("a code has at least {MIN_CODE_CHARS} characters")]
    CodeTooShort,
    /// The two typings of a new code differ.
    #[error("the two codes differ")]
    CodesDiffer,
    /// The code does not give her registered key.
    #[error("wrong code")]
    WrongCode,
    /// Too many wrong codes: the line waits until then.
    #[error("too many wrong codes: wait until {0}")]
    Paused(DateTime<Utc>),
    /// She has no key yet: her first signature chooses her code.
    #[error("no code chosen yet")]
    NoKey,
    /// She already has a key.
    #[error("a code is already chosen")]
    HasKey,
    /// A reset or a missing signature needs a reason.
    #[error("give a reason")]
    ReasonNeeded,
}

/// Derives the signing key of a code and a salt.
pub fn derive(code: &str, salt: &[u8], params: KdfParams) -> Result<SigningKey, SignError> {
    if code.chars().count() < MIN_CODE_CHARS {
        return Err(SignError::CodeTooShort);
    }
    let argon = argon2::Argon2::new(
        argon2::Algorithm::Argon2id,
        argon2::Version::V0x13,
        // The parameters come from this build or from a key it wrote; out-of-range ones can
        // only come from an edited file, and then the code is simply refused.
        argon2::Params::new(params.m_kib, params.t, params.p, Some(32))
            .map_err(|_| SignError::WrongCode)?,
    );
    let mut seed = [0u8; 32];
    argon
        .hash_password_into(code.as_bytes(), salt, &mut seed)
        .map_err(|_| SignError::WrongCode)?;
    Ok(SigningKey::from_bytes(&seed))
}

/// The base64 text of a public key.
pub fn public_text(key: &SigningKey) -> String {
    B64.encode(key.verifying_key().to_bytes())
}

/// The fingerprint a trainer reads aloud to confirm a key in person: 4 groups of 4 hex digits.
pub fn fingerprint(public: &str) -> String {
    let digest = Sha256::digest(public.as_bytes());
    digest[..8]
        .chunks(2)
        .map(|pair| format!("{:02X}{:02X}", pair[0], pair[1]))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Signs a message, the signature as base64.
pub fn sign_bytes(key: &SigningKey, message: &[u8]) -> String {
    B64.encode(key.sign(message).to_bytes())
}

/// Whether `sig` (base64) is `public`'s (base64) signature of `message`.
pub fn verify_bytes(public: &str, message: &[u8], sig: &str) -> bool {
    let Ok(public) = B64.decode(public) else {
        return false;
    };
    let Ok(sig) = B64.decode(sig) else {
        return false;
    };
    let (Ok(public), Ok(sig)) = (<[u8; 32]>::try_from(public), <[u8; 64]>::try_from(sig)) else {
        return false;
    };
    let Ok(public) = VerifyingKey::from_bytes(&public) else {
        return false;
    };
    public
        .verify(message, &ed25519_dalek::Signature::from_bytes(&sig))
        .is_ok()
}

/// Checks many signatures made by few keys: each public key is decoded (and its point
/// decompressed) once, not once per signature.
#[derive(Default)]
pub struct KeyRing<'a> {
    keys: FxHashMap<&'a str, Option<VerifyingKey>>,
}

impl<'a> KeyRing<'a> {
    /// Whether `sig` (base64) is `public`'s (base64) signature of `message`, as
    /// [`verify_bytes`] says.
    pub fn verify(&mut self, public: &'a str, message: &[u8], sig: &str) -> bool {
        let key = self.keys.entry(public).or_insert_with(|| {
            let bytes = B64.decode(public).ok()?;
            VerifyingKey::from_bytes(&<[u8; 32]>::try_from(bytes).ok()?).ok()
        });
        let Some(key) = key else {
            return false;
        };
        let Some(sig) = B64
            .decode(sig)
            .ok()
            .and_then(|sig| <[u8; 64]>::try_from(sig).ok())
        else {
            return false;
        };
        key.verify(message, &ed25519_dalek::Signature::from_bytes(&sig))
            .is_ok()
    }
}

/// The key a person signs with now: her last one not reset.
pub fn active_key<'a>(keys: &'a [PersonKey], person: &PersonId) -> Option<&'a PersonKey> {
    keys.iter()
        .rev()
        .find(|k| &k.person == person && k.reset.is_none())
}

/// Whether `public` is one of `person`'s keys, and was hers at `at` (a key reset later still
/// vouches for what it signed before).
pub fn was_key_of(keys: &[PersonKey], person: &PersonId, public: &str, at: DateTime<Utc>) -> bool {
    keys.iter().any(|k| {
        &k.person == person && k.public == public && k.reset.as_ref().is_none_or(|r| at <= r.at)
    })
}

/// Registers a person's first key (or her next one after a reset) from a new code typed twice.
pub fn register(
    keys: &mut Vec<PersonKey>,
    person: &PersonId,
    code: &str,
    again: &str,
    salt: [u8; 16],
    params: KdfParams,
    at: DateTime<Utc>,
) -> Result<SigningKey, SignError> {
    if active_key(keys, person).is_some() {
        return Err(SignError::HasKey);
    }
    if code != again {
        return Err(SignError::CodesDiffer);
    }
    let key = derive(code, &salt, params)?;
    keys.push(PersonKey {
        person: person.clone(),
        public: public_text(&key),
        salt: B64.encode(salt),
        kdf: params,
        since: at,
        reset: None,
    });
    Ok(key)
}

/// What became of a key received from another machine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adopted {
    /// Known here already.
    Known,
    /// Registered here now: her first signature. Its fingerprint is to be confirmed in person.
    New,
    /// Not taken: she has another key here, or it is not a public key.
    Refused,
}

/// Takes a key that came with a bundle: registers it when its person has none active here (her
/// first signature), keeps it when it is known, refuses it otherwise. `with_reset` also takes
/// a reset the other side recorded (the trainers' resets reach the trainee, never the reverse).
pub fn adopt(keys: &mut Vec<PersonKey>, key: &PersonKey, with_reset: bool) -> Adopted {
    if let Some(known) = keys
        .iter_mut()
        .find(|k| k.person == key.person && k.public == key.public)
    {
        if with_reset && known.reset.is_none() {
            known.reset.clone_from(&key.reset);
        }
        return Adopted::Known;
    }
    let valid = B64
        .decode(&key.public)
        .ok()
        .and_then(|bytes| <[u8; 32]>::try_from(bytes).ok())
        .is_some_and(|bytes| VerifyingKey::from_bytes(&bytes).is_ok());
    if !valid || active_key(keys, &key.person).is_some() || (key.reset.is_some() && !with_reset) {
        return Adopted::Refused;
    }
    keys.push(key.clone());
    Adopted::New
}

/// Resets a person's code: her key signs no more, and the reset stays in the key list with who,
/// when and why. Her next signature chooses a new code.
pub fn reset(
    keys: &mut [PersonKey],
    person: &PersonId,
    by: &PersonId,
    at: DateTime<Utc>,
    reason: &str,
) -> Result<(), SignError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(SignError::ReasonNeeded);
    }
    let key = keys
        .iter_mut()
        .rev()
        .find(|k| &k.person == person && k.reset.is_none())
        .ok_or(SignError::NoKey)?;
    key.reset = Some(KeyReset {
        by: by.clone(),
        at,
        reason: reason.to_owned(),
    });
    Ok(())
}

/// Wrong codes counted per line of a half-day, in memory only: the pause is for the person at
/// the keyboard, not a record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Attempts {
    lines: FxHashMap<(HalfDayId, PersonId), Tally>,
}

/// Wrong codes in a row on one line, and until when it waits.
type Tally = (u32, Option<DateTime<Utc>>);

impl Attempts {
    /// Unlocks a person's key with her code on one line, counting wrong codes: after
    /// [`MAX_WRONG_CODES`] in a row the line waits [`WRONG_CODE_PAUSE`].
    pub fn unlock(
        &mut self,
        keys: &[PersonKey],
        line: (&HalfDayId, &PersonId),
        code: &str,
        now: DateTime<Utc>,
    ) -> Result<SigningKey, SignError> {
        let slot = self
            .lines
            .entry((line.0.clone(), line.1.clone()))
            .or_default();
        if let Some(until) = slot.1 {
            if now < until {
                return Err(SignError::Paused(until));
            }
            *slot = (0, None);
        }
        let registered = active_key(keys, line.1).ok_or(SignError::NoKey)?;
        let salt = B64.decode(&registered.salt).unwrap_or_default();
        let derived = derive(code, &salt, registered.kdf);
        match derived {
            Ok(key) if public_text(&key) == registered.public => {
                *slot = (0, None);
                Ok(key)
            }
            _ => {
                slot.0 += 1;
                if slot.0 >= MAX_WRONG_CODES {
                    slot.1 = Some(now + WRONG_CODE_PAUSE);
                    return Err(SignError::Paused(now + WRONG_CODE_PAUSE));
                }
                Err(SignError::WrongCode)
            }
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use chrono::TimeZone;

    /// Cheap parameters: the rules do not depend on the cost.
    pub(crate) const CHEAP: KdfParams = KdfParams {
        m_kib: 64,
        t: 1,
        p: 1,
    };

    fn at(minute: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 8, 8, minute, 0).unwrap()
    }

    #[test]
    fn a_code_is_typed_twice_and_has_six_characters() {
        let mut keys = Vec::new();
        let alix = PersonId::new("alix");
        let short = register(&mut keys, &alix, "abc12", "abc12", [1; 16], CHEAP, at(0));
        assert_eq!(short.err(), Some(SignError::CodeTooShort));
        let differ = register(&mut keys, &alix, "abc123", "abc124", [1; 16], CHEAP, at(0));
        assert_eq!(differ.err(), Some(SignError::CodesDiffer));
        assert!(keys.is_empty());
        register(&mut keys, &alix, "abc123", "abc123", [1; 16], CHEAP, at(0)).unwrap();
        assert_eq!(keys.len(), 1);
        let stored = serde_json::to_string(&keys).unwrap();
        assert!(!stored.contains("abc123"), "the code is never stored");
    }

    #[test]
    fn five_wrong_codes_pause_the_line_for_a_minute() {
        let mut keys = Vec::new();
        let alix = PersonId::new("alix");
        let line = HalfDayId::new("h1");
        register(&mut keys, &alix, "abc123", "abc123", [1; 16], CHEAP, at(0)).unwrap();
        let mut attempts = Attempts::default();
        for _ in 0..4 {
            let wrong = attempts.unlock(&keys, (&line, &alix), "nope-nope", at(1));
            assert_eq!(wrong.err(), Some(SignError::WrongCode));
        }
        let fifth = attempts.unlock(&keys, (&line, &alix), "nope-nope", at(1));
        assert_eq!(fifth.err(), Some(SignError::Paused(at(2))));
        let right_too_soon = attempts.unlock(&keys, (&line, &alix), "abc123", at(1));
        assert_eq!(right_too_soon.err(), Some(SignError::Paused(at(2))));
        assert!(
            attempts
                .unlock(&keys, (&line, &alix), "abc123", at(2))
                .is_ok()
        );
    }

    #[test]
    fn a_reset_needs_a_reason_and_old_signatures_still_verify() {
        let mut keys = Vec::new();
        let alix = PersonId::new("alix");
        let trainer = PersonId::new("trainer");
        let key = register(&mut keys, &alix, "abc123", "abc123", [1; 16], CHEAP, at(0)).unwrap();
        let sig = sign_bytes(&key, b"line");
        assert_eq!(
            reset(&mut keys, &alix, &trainer, at(5), " "),
            Err(SignError::ReasonNeeded)
        );
        reset(&mut keys, &alix, &trainer, at(5), "code oublié").unwrap();
        assert!(active_key(&keys, &alix).is_none());
        assert!(was_key_of(&keys, &alix, &public_text(&key), at(1)));
        assert!(!was_key_of(&keys, &alix, &public_text(&key), at(6)));
        assert!(verify_bytes(&public_text(&key), b"line", &sig));
        assert!(!verify_bytes(&public_text(&key), b"lime", &sig));
        register(&mut keys, &alix, "xyz789", "xyz789", [2; 16], CHEAP, at(7)).unwrap();
        assert_eq!(keys.len(), 2);
    }
}
