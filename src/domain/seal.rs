//! Signing a half-day: each trainee signs her own line with her code, and the trainer seals the
//! whole sheet. A seal covers the sheet's canonical content and the hash of the cohort's
//! previous seal, so the seals of a cohort form one chain.

use super::Data;
use super::attendance::{HalfDay, LineSignature, Mark, MarkChange, MissingSignature, Seal};
use super::attendance::{SealRole, Seminar, Signature, Status};
use super::cohort::Cohort;
use super::ids::{HalfDayId, PersonId};
use super::signing::{self, Attempts, KdfParams, SignError};
use chrono::{DateTime, NaiveTime, Utc};
use ed25519_dalek::SigningKey;
use serde::Serialize;
use sha2::{Digest, Sha256};

/// Why a line could not be signed or a sheet sealed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SheetError {
    /// The code or the key was refused.
    #[error(transparent)]
    Sign(#[from] SignError),
    /// No such half-day in the cohort.
    #[error("no half-day {0} in this cohort")]
    UnknownHalfDay(HalfDayId),
    /// The trainee has no mark yet.
    #[error("{0} has no mark yet")]
    NotMarked(PersonId),
    /// An absent trainee signs nothing.
    #[error("{0} is marked absent and cannot sign")]
    Absent(PersonId),
    /// The line is signed already.
    #[error("{0} has signed already")]
    AlreadySigned(PersonId),
    /// The sheet is sealed: it takes no more signatures.
    #[error("the sheet is sealed")]
    Sealed,
    /// The sheet is not sealed yet.
    #[error("the sheet is not sealed yet")]
    NotSealed,
    /// These enrolled trainees have no status: seal anyway only once confirmed.
    #[error("{} trainees have no status yet", .0.len())]
    Unmarked(Vec<PersonId>),
    /// Nobody is marked.
    #[error("nobody is marked yet")]
    NothingToSeal,
    /// The key is not the signer's registered one.
    #[error("this key is not {0}'s registered key")]
    WrongKey(PersonId),
    /// No such history entry, or one that cannot be withdrawn.
    #[error("no correction {0} to withdraw")]
    NoSuchCorrection(u32),
    /// The signature does not match the line it claims to sign: forged, or altered on the way.
    #[error("the signature does not match the line: forged or altered")]
    Forged,
    /// What she signed is not what the sheet says.
    #[error("she signed {signed:?}, the sheet says {here:?}")]
    Differs {
        /// The status and time she signed.
        signed: (Status, Option<NaiveTime>),
        /// The status and time on the sheet.
        here: (Status, Option<NaiveTime>),
    },
}

/// What a sheet says besides its lines, as printed: the exact titles, the venue, the ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetContext {
    /// The programme's exact title.
    pub programme: String,
    /// The cohort's id.
    pub cohort: String,
    /// The seminar's id.
    pub seminar: String,
    /// Each module's code and exact title.
    pub modules: Vec<(String, String)>,
    /// The venue's name and city.
    pub venue: String,
}

impl SheetContext {
    /// The module codes, as a seminar is named on the command line ("2.2 + 2.3").
    pub fn modules_label(&self) -> String {
        let codes: Vec<&str> = self.modules.iter().map(|(code, _)| code.as_str()).collect();
        codes.join(" + ")
    }

    /// The context of a seminar's sheets.
    pub fn of(data: &Data, cohort: &Cohort, seminar: &Seminar) -> Self {
        let modules = seminar
            .modules
            .iter()
            .map(|id| {
                data.programme
                    .modules
                    .iter()
                    .find(|m| &m.id == id)
                    .map_or_else(
                        || (id.as_str().to_owned(), String::new()),
                        |m| (m.code.clone(), m.title.clone()),
                    )
            })
            .collect();
        let venue = data
            .venue(&seminar.venue)
            .map_or_else(String::new, |v| format!("{}, {}", v.name, v.city));
        Self {
            programme: data.programme.title.clone(),
            cohort: cohort.id.as_str().to_owned(),
            seminar: seminar.id.as_str().to_owned(),
            modules,
            venue,
        }
    }
}

/// What a trainee signs: her line of one half-day, as bytes.
pub fn line_message(half_day: &HalfDay, trainee: &PersonId, signed: &LineSignature) -> Vec<u8> {
    let content = (
        "cercle/line/1",
        &signed.half_day,
        half_day.date,
        half_day.period,
        half_day.start,
        half_day.end,
        trainee,
        signed.status,
        signed.time,
        signed.at,
    );
    // Plain values always serialise; the bytes are those of the JSON array, compact.
    serde_json::to_vec(&content).unwrap_or_default()
}

/// A line as a seal covers it: the reason of an absence stays out, with the trainers.
#[derive(Serialize)]
struct Line<'a>(
    &'a PersonId,
    Status,
    Option<NaiveTime>,
    Option<&'a String>,
    Option<&'a String>,
);

/// A correction as a seal covers it.
#[derive(Serialize)]
struct Change<'a>(
    &'a PersonId,
    &'a PersonId,
    DateTime<Utc>,
    Option<Status>,
    Status,
    Option<NaiveTime>,
    Option<NaiveTime>,
    &'a String,
    Option<u32>,
);

impl<'a> Change<'a> {
    fn of(c: &'a MarkChange) -> Self {
        Self(
            &c.trainee,
            &c.by,
            c.at,
            c.from,
            c.to,
            c.from_time,
            c.to_time,
            &c.reason,
            c.withdraws,
        )
    }
}

/// The lines of a sheet as they stood when the first `history` entries were all the history
/// there was (the later entries walked back, each to its `from`), sorted by trainee, read
/// from the sheet without copying it.
fn lines_at(half_day: &HalfDay, history: usize) -> Vec<Line<'_>> {
    let mut lines: Vec<Option<Line>> = half_day
        .marks
        .iter()
        .map(|m| {
            Some(Line(
                &m.trainee,
                m.status,
                m.time,
                m.signed.as_ref().map(|s| &s.sig),
                m.missing_signature.as_ref().map(|m| &m.reason),
            ))
        })
        .collect();
    for change in half_day.history.iter().skip(history).rev() {
        let Some(line) = lines
            .iter_mut()
            .find(|l| l.as_ref().is_some_and(|l| l.0 == &change.trainee))
        else {
            continue;
        };
        match change.from {
            Some(status) => {
                if let Some(line) = line {
                    line.1 = status;
                    line.2 = change.from_time;
                }
            }
            None => *line = None,
        }
    }
    let mut lines: Vec<Line> = lines.into_iter().flatten().collect();
    lines.sort_by(|a, b| a.0.cmp(b.0));
    lines
}

/// The marks as they stood when the first `history` entries were all the history there was:
/// the later entries are walked back, each to its `from`.
pub fn marks_at(half_day: &HalfDay, history: usize) -> Vec<Mark> {
    let mut marks = half_day.marks.clone();
    for change in half_day.history.iter().skip(history).rev() {
        let Some(i) = marks.iter().position(|m| m.trainee == change.trainee) else {
            continue;
        };
        match change.from {
            Some(status) => {
                marks[i].status = status;
                marks[i].time = change.from_time;
            }
            None => {
                marks.remove(i);
            }
        }
    }
    marks.sort_by(|a, b| a.trainee.cmp(&b.trainee));
    marks
}

/// What a seal signs: the sheet as it stood with its first `seal.history` corrections.
pub fn seal_message(ctx: &SheetContext, half_day: &HalfDay, seal: &Seal) -> Vec<u8> {
    let covered = usize::try_from(seal.history).unwrap_or(usize::MAX);
    let content = SealContent {
        ctx,
        half_day,
        seal,
        lines: lines_at(half_day, covered),
        history: half_day
            .history
            .iter()
            .take(covered)
            .map(Change::of)
            .collect(),
    };
    // Plain values always serialise; the bytes are those of the JSON array, compact.
    serde_json::to_vec(&content).unwrap_or_default()
}

/// What a seal covers, written straight as the JSON array it signs (18 elements: more than a
/// tuple serialises).
struct SealContent<'a> {
    ctx: &'a SheetContext,
    half_day: &'a HalfDay,
    seal: &'a Seal,
    lines: Vec<Line<'a>>,
    history: Vec<Change<'a>>,
}

impl Serialize for SealContent<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeTuple as _;
        let (ctx, half_day, seal) = (self.ctx, self.half_day, self.seal);
        // A seal's role is the 19th element only when there is one, so the seals made before
        // roles were recorded sign the same bytes as ever.
        let mut out = serializer.serialize_tuple(18 + usize::from(seal.role.is_some()))?;
        out.serialize_element("cercle/seal/1")?;
        out.serialize_element(&ctx.programme)?;
        out.serialize_element(&ctx.cohort)?;
        out.serialize_element(&ctx.seminar)?;
        out.serialize_element(&ctx.modules)?;
        out.serialize_element(&ctx.venue)?;
        out.serialize_element(&half_day.id)?;
        out.serialize_element(&half_day.date)?;
        out.serialize_element(&half_day.period)?;
        out.serialize_element(&half_day.start)?;
        out.serialize_element(&half_day.end)?;
        out.serialize_element(&self.lines)?;
        out.serialize_element(&self.history)?;
        out.serialize_element(&seal.history)?;
        out.serialize_element(&seal.prev)?;
        out.serialize_element(&seal.by)?;
        out.serialize_element(&seal.at)?;
        out.serialize_element(&seal.seq)?;
        if let Some(role) = seal.role {
            out.serialize_element(&role)?;
        }
        out.end()
    }
}

/// The hash of a seal, which the next link of the cohort's chain names.
pub fn seal_hash(seal: &Seal) -> String {
    link_hash(&seal.sig)
}

/// The hash of a link of the chain (a seal or a seal's withdrawal): hex SHA-256 of its
/// signature, which covers everything the link says.
pub fn link_hash(sig: &str) -> String {
    use std::fmt::Write as _;
    Sha256::digest(sig.as_bytes())
        .iter()
        .fold(String::with_capacity(64), |mut hex, b| {
            // Writing into a String cannot fail.
            let _ = write!(hex, "{b:02x}");
            hex
        })
}

/// The next link of the cohort's chain: its place, and the hash of the link before it (a seal
/// or a withdrawal, whichever came last); `(0, "")` for the first.
pub fn next_link(cohort: &Cohort) -> (u32, String) {
    let half_days = || cohort.seminars.iter().flat_map(|s| &s.half_days);
    let seal = half_days()
        .flat_map(|h| &h.seals)
        .map(|s| (s.seq, &s.sig))
        .max_by_key(|(seq, _)| *seq);
    let withdrawal = half_days()
        .flat_map(|h| &h.withdrawals)
        .map(|w| (w.seq, &w.sig))
        .max_by_key(|(seq, _)| *seq);
    match seal
        .into_iter()
        .chain(withdrawal)
        .max_by_key(|(seq, _)| *seq)
    {
        Some((seq, sig)) => (seq + 1, link_hash(sig)),
        None => (0, String::new()),
    }
}

pub(super) fn find<'a>(
    cohort: &'a mut Cohort,
    id: &HalfDayId,
) -> Result<&'a mut HalfDay, SheetError> {
    cohort
        .seminars
        .iter_mut()
        .flat_map(|s| &mut s.half_days)
        .find(|h| &h.id == id)
        .ok_or_else(|| SheetError::UnknownHalfDay(id.clone()))
}

/// A trainee signs her own line with her code. Her first signature chooses the code: then
/// `again` holds its second typing, and `salt` becomes hers.
pub fn sign_own_line(
    cohort: &mut Cohort,
    half_day: &HalfDayId,
    trainee: &PersonId,
    code: (&str, Option<&str>),
    attempts: &mut Attempts,
    salt: [u8; 16],
    now: DateTime<Utc>,
) -> Result<(), SheetError> {
    let sheet = find(cohort, half_day)?;
    check_can_sign(sheet, trainee)?;
    let key = match (signing::active_key(&cohort.keys, trainee), code.1) {
        (None, Some(again)) => signing::register(
            &mut cohort.keys,
            trainee,
            code.0,
            again,
            salt,
            KdfParams::DEFAULT,
            now,
        )?,
        (None, None) => return Err(SignError::NoKey.into()),
        (Some(_), _) => attempts.unlock(&cohort.keys, (half_day, trainee), code.0, now)?,
    };
    sign_line(find(cohort, half_day)?, trainee, &key, now)
}

fn check_can_sign(sheet: &HalfDay, trainee: &PersonId) -> Result<(), SheetError> {
    if sheet.signature.is_some() {
        return Err(SheetError::Sealed);
    }
    let mark = sheet
        .mark_of(trainee)
        .ok_or_else(|| SheetError::NotMarked(trainee.clone()))?;
    if !mark.status.attended() {
        return Err(SheetError::Absent(trainee.clone()));
    }
    if mark.signed.is_some() {
        return Err(SheetError::AlreadySigned(trainee.clone()));
    }
    Ok(())
}

/// Signs a trainee's line with her unlocked key.
pub fn sign_line(
    half_day: &mut HalfDay,
    trainee: &PersonId,
    key: &SigningKey,
    at: DateTime<Utc>,
) -> Result<(), SheetError> {
    check_can_sign(half_day, trainee)?;
    let Some(mark) = half_day.mark_of(trainee) else {
        return Err(SheetError::NotMarked(trainee.clone()));
    };
    let mut signed = LineSignature {
        half_day: half_day.id.clone(),
        status: mark.status,
        time: mark.time,
        at,
        key: signing::public_text(key),
        sig: String::new(),
    };
    signed.sig = signing::sign_bytes(key, &line_message(half_day, trainee, &signed));
    if let Some(mark) = half_day.marks.iter_mut().find(|m| &m.trainee == trainee) {
        mark.signed = Some(Box::new(signed));
        mark.missing_signature = None;
    }
    Ok(())
}

/// Records a signature a trainee made of her line on her own machine, once it is checked: the
/// half-day is the one she signed, the sheet still takes signatures, her line says what she
/// signed, the key was hers when she signed, and the signature is the key's over that line.
/// The same signature received twice is no error.
pub fn receive_line(
    cohort: &mut Cohort,
    trainee: &PersonId,
    signed: &LineSignature,
) -> Result<(), SheetError> {
    let sheet = find(cohort, &signed.half_day)?;
    if sheet
        .mark_of(trainee)
        .and_then(|m| m.signed.as_deref())
        .is_some_and(|s| s == signed)
    {
        return Ok(());
    }
    check_can_sign(sheet, trainee)?;
    let mark = sheet
        .mark_of(trainee)
        .ok_or_else(|| SheetError::NotMarked(trainee.clone()))?;
    if (mark.status, mark.time) != (signed.status, signed.time) {
        return Err(SheetError::Differs {
            signed: (signed.status, signed.time),
            here: (mark.status, mark.time),
        });
    }
    if !signing::was_key_of(&cohort.keys, trainee, &signed.key, signed.at) {
        return Err(SheetError::WrongKey(trainee.clone()));
    }
    let sheet = find(cohort, &signed.half_day)?;
    if !signing::verify_bytes(
        &signed.key,
        &line_message(sheet, trainee, signed),
        &signed.sig,
    ) {
        return Err(SheetError::Forged);
    }
    if let Some(mark) = sheet.marks.iter_mut().find(|m| &m.trainee == trainee) {
        mark.signed = Some(Box::new(signed.clone()));
        mark.missing_signature = None;
    }
    Ok(())
}

/// A reason, trimmed: a record made with a reason needs one.
pub(super) fn reason_given(reason: &str) -> Result<&str, SheetError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(SignError::ReasonNeeded.into());
    }
    Ok(reason)
}

/// The public text of `key`, when it is the one `by` signs with now.
pub(super) fn key_of(
    cohort: &Cohort,
    by: &PersonId,
    key: &SigningKey,
) -> Result<String, SheetError> {
    let public = signing::public_text(key);
    if signing::active_key(&cohort.keys, by).is_none_or(|k| k.public != public) {
        return Err(SheetError::WrongKey(by.clone()));
    }
    Ok(public)
}

/// Records "signature manquante" on a line, with the trainer's reason.
pub fn record_missing(
    half_day: &mut HalfDay,
    trainee: &PersonId,
    by: &PersonId,
    at: DateTime<Utc>,
    reason: &str,
) -> Result<(), SheetError> {
    check_can_sign(half_day, trainee)?;
    let reason = reason_given(reason)?;
    if let Some(mark) = half_day.marks.iter_mut().find(|m| &m.trainee == trainee) {
        mark.missing_signature = Some(Box::new(MissingSignature {
            by: by.clone(),
            at,
            reason: reason.to_owned(),
        }));
    }
    Ok(())
}

/// The enrolled trainees still without a status on a half-day.
pub fn unmarked(cohort: &Cohort, half_day: &HalfDay) -> Vec<PersonId> {
    cohort
        .active_trainees()
        .filter(|t| half_day.mark_of(t).is_none())
        .cloned()
        .collect()
}

/// The trainer seals a half-day with her key (the first time), or seals it again after
/// corrections. A first seal with trainees still unmarked needs `confirmed`.
pub fn seal(
    ctx: &SheetContext,
    cohort: &mut Cohort,
    half_day: &HalfDayId,
    by: &PersonId,
    key: &SigningKey,
    at: DateTime<Utc>,
    confirmed: bool,
) -> Result<(), SheetError> {
    seal_in_role(ctx, cohort, half_day, (by, None), key, at, confirmed)
}

/// Seals as `by` in her `role` when she is not the planned trainer; the role is signed too.
pub fn seal_in_role(
    ctx: &SheetContext,
    cohort: &mut Cohort,
    half_day: &HalfDayId,
    (by, role): (&PersonId, Option<SealRole>),
    key: &SigningKey,
    at: DateTime<Utc>,
    confirmed: bool,
) -> Result<(), SheetError> {
    let public = key_of(cohort, by, key)?;
    let (seq, prev) = next_link(cohort);
    let sheet = cohort
        .seminars
        .iter()
        .flat_map(|s| &s.half_days)
        .find(|h| &h.id == half_day)
        .ok_or_else(|| SheetError::UnknownHalfDay(half_day.clone()))?;
    let first = sheet.signature.is_none();
    if first {
        if sheet.marks.is_empty() {
            return Err(SheetError::NothingToSeal);
        }
        let missing = unmarked(cohort, sheet);
        if !missing.is_empty() && !confirmed {
            return Err(SheetError::Unmarked(missing));
        }
    }
    let sheet = find(cohort, half_day)?;
    let mut new = Seal {
        by: by.clone(),
        at,
        seq,
        prev,
        history: u32::try_from(sheet.history.len()).unwrap_or(u32::MAX),
        key: public,
        sig: String::new(),
        role,
    };
    new.sig = signing::sign_bytes(key, &seal_message(ctx, sheet, &new));
    sheet.seals.push(new);
    if first {
        sheet.signature = Some(Signature {
            by: by.clone(),
            at,
            before_seals: false,
        });
    }
    Ok(())
}

/// Withdraws a correction: the mark goes back to what it was before it, and the withdrawal is
/// appended with its reason; the correction itself stays in the history.
pub fn withdraw(
    half_day: &mut HalfDay,
    entry: u32,
    by: &PersonId,
    at: DateTime<Utc>,
    reason: &str,
) -> Result<(), SheetError> {
    let reason = reason_given(reason)?;
    let change = half_day
        .history
        .get(usize::try_from(entry).unwrap_or(usize::MAX))
        .cloned()
        .ok_or(SheetError::NoSuchCorrection(entry))?;
    let Some(back) = change.from else {
        return Err(SheetError::NoSuchCorrection(entry));
    };
    let mark = half_day
        .marks
        .iter_mut()
        .find(|m| m.trainee == change.trainee)
        .ok_or(SheetError::NoSuchCorrection(entry))?;
    let before: (_, Option<NaiveTime>) = (mark.status, mark.time);
    mark.status = back;
    mark.time = change.from_time;
    half_day.history.push(MarkChange {
        trainee: change.trainee,
        by: by.clone(),
        at,
        from: Some(before.0),
        to: back,
        from_time: before.1,
        to_time: change.from_time,
        reason: reason.to_owned(),
        withdraws: Some(entry),
    });
    Ok(())
}
