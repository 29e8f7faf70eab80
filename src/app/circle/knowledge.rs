//! Offers and requests of knowledge, the matches the circle suggests, and the exchanges that
//! follow when people are put in touch.

use super::choices::{FORMATS, KINDS, USEFUL};
use super::forms::note_fields;
use super::{me_as_trainee, move_view_cursor, selected_trainee};
use crate::app::Form;
use crate::app::Purpose;
use crate::app::circle::CircleForm;
use crate::app::form::{Field, FieldKind};
use crate::app::keymap::View;
use crate::app::list::Cursor;
use crate::app::{Action, App, Choice, ChoicePurpose, Effect, Overlay, Pending, Question};
use crate::domain::circle::{Suggestion, suggestions};
use crate::domain::knowledge::{KnowledgeItem, KnowledgeKind, Topic};
use crate::domain::{KnowledgeId, PersonId};
use crate::i18n::{Msg, fill};

/// Opens the offers and requests, the cursor on the selected trainee's first one.
pub fn open(app: &mut App) {
    let trainee = selected_trainee(app);
    let first = app.cohort().and_then(|c| {
        c.knowledge
            .iter()
            .position(|k| Some(&k.person) == trainee.as_ref())
    });
    let height = app.page_height();
    app.circle.view = Some(View::Knowledge);
    let knowledge = &mut app.circle.knowledge;
    knowledge.cursor = crate::app::list::Cursor::default();
    knowledge.select_where(height, |n| Some(n) == first);
}

/// The suggestions that involve one offer or request.
pub fn item_suggestions(app: &App, item: &KnowledgeId) -> Vec<Suggestion> {
    app.cohort()
        .map(|c| suggestions(c, &app.data.programme))
        .unwrap_or_default()
        .into_iter()
        .filter(|s| &s.offer == item || &s.request == item)
        .collect()
}

/// A tag as the user reads and types it: the module's code ("2.1") or the block's ("FAB").
pub fn topic_label(app: &App, topic: &Topic) -> String {
    let programme = &app.data.programme;
    match topic {
        Topic::Module(id) => programme
            .module(id)
            .map_or_else(|| id.to_string(), |m| m.code.clone()),
        Topic::Block(id) => programme
            .block(id)
            .map_or_else(|| id.to_string(), |b| b.code.clone()),
    }
}

/// The offer or request on the row shown under the cursor, whatever the filter leaves.
fn selected_item(app: &App) -> Option<KnowledgeItem> {
    app.cohort()?
        .knowledge
        .get(app.circle.knowledge.selected()?)
        .cloned()
}

/// The rows of the offers and requests for their `/` filter: who, the kind, the title, the tag.
pub fn rows(app: &App, filter: &str) -> (usize, Vec<usize>) {
    let knowledge = app.cohort().map_or(&[][..], |c| c.knowledge.as_slice());
    let rows = crate::app::rows::filtered(knowledge.len(), filter, |i| {
        let item = &knowledge[i];
        let who = app
            .data
            .person(&item.person)
            .map_or("", |p| p.name.as_str());
        let kind = app.tr(if item.kind == KnowledgeKind::Offer {
            Msg::KindOffer
        } else {
            Msg::KindRequest
        });
        let tag = item
            .topic
            .as_ref()
            .map(|t| topic_label(app, t))
            .unwrap_or_default();
        format!("{who} {kind} {} {tag}", item.title)
    });
    (knowledge.len(), rows)
}

/// The rows of the exchanges for their `/` filter: the date, the format, the people, what it was
/// about.
pub fn exchange_rows(app: &App, filter: &str) -> (usize, Vec<usize>) {
    let Some(cohort) = app.cohort() else {
        return (0, Vec::new());
    };
    let exchanges = &cohort.exchanges;
    let rows = crate::app::rows::filtered(exchanges.len(), filter, |i| {
        let exchange = &exchanges[i];
        let people: Vec<&str> = exchange
            .people
            .iter()
            .filter_map(|p| app.data.person(p))
            .map(|p| p.name.as_str())
            .collect();
        let about: Vec<&str> = [&exchange.offer, &exchange.request]
            .into_iter()
            .flatten()
            .filter_map(|id| cohort.knowledge.iter().find(|k| &k.id == id))
            .map(|k| k.title.as_str())
            .collect();
        format!(
            "{} {} {} {}",
            exchange.date.format("%d/%m/%Y"),
            app.tr(crate::i18n::words::exchange_format(exchange.format)),
            people.join(" "),
            about.join(" ")
        )
    });
    (exchanges.len(), rows)
}

/// The offers and requests view's actions.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if move_view_cursor(app, action) {
        return Vec::new();
    }
    let item = selected_item(app);
    match (action, item) {
        (Action::New, _) => knowledge_form(app, None),
        (Action::Edit, Some(item)) if may_change(app, &item.person) => {
            knowledge_form(app, Some(&item));
        }
        (Action::Delete, Some(item)) if may_change(app, &item.person) => {
            let text = fill(
                app.tr(Msg::ConfirmDeleteKnowledge),
                &[("title", &item.title)],
            );
            app.overlay = Some(Overlay::Confirm(Question {
                text,
                on_yes: Pending::DeleteKnowledge(item.id),
            }));
        }
        (Action::Edit | Action::Delete, Some(_)) => app.notify_error(app.tr(Msg::OnlyYourOwn)),
        (Action::Open, Some(item)) => put_in_touch(app, &item.id),
        (Action::ShowExchanges, _) => {
            app.circle.back_to = Some(View::Knowledge);
            app.circle.view = Some(View::Exchanges);
        }
        _ => {}
    }
    Vec::new()
}

/// Whether the user may change a record of this person: a trainee only their own.
fn may_change(app: &App, person: &PersonId) -> bool {
    me_as_trainee(app).is_none_or(|me| &me == person)
}

/// The offer or request form; a trainer says whose it is, a trainee adds their own.
fn knowledge_form(app: &mut App, item: Option<&KnowledgeItem>) {
    let mut fields = Vec::new();
    if me_as_trainee(app).is_none() {
        let whose = item
            .map(|k| k.person.clone())
            .or_else(|| selected_trainee(app))
            .and_then(|id| app.data.person(&id).map(|p| p.name.clone()))
            .unwrap_or_default();
        let trainees = app
            .cohort()
            .map(|c| c.trainees.clone())
            .unwrap_or_default()
            .iter()
            .filter_map(|id| app.data.person(id).map(|p| p.name.clone()))
            .collect();
        fields.push(Field::new(Msg::FieldWhose, FieldKind::Required, &whose).looked_up(trainees));
    }
    let kind = item.map_or(0, |k| usize::from(k.kind == KnowledgeKind::Request));
    let tag = item
        .and_then(|k| k.topic.as_ref())
        .map(|t| topic_label(app, t))
        .unwrap_or_default();
    let note = item.and_then(|k| k.note.as_ref());
    fields.extend([
        Field::new(Msg::FieldKind, FieldKind::Choice(&KINDS), &kind.to_string()),
        Field::new(
            Msg::FieldTitle,
            FieldKind::Required,
            item.map_or("", |k| &k.title),
        ),
        Field::new(Msg::FieldTag, FieldKind::Text, &tag).looked_up(
            app.data
                .programme
                .modules
                .iter()
                .map(|m| m.title.clone())
                .collect(),
        ),
    ]);
    fields.extend(note_fields(note, FieldKind::Text));
    let form = Form::new(
        Purpose::Circle(CircleForm::Knowledge(item.map(|k| k.id.clone()))),
        fields,
    );
    app.overlay = Some(Overlay::Form(Box::new(form)));
}

/// Puts the people of a suggested match in touch: the form at once for one match, a short
/// list to choose from for several.
fn put_in_touch(app: &mut App, item: &KnowledgeId) {
    let found = item_suggestions(app, item);
    match found.as_slice() {
        [] => app.notify(app.tr(Msg::NoMatchSuggested)),
        [one] => put_in_touch_form(app, &one.offer, &one.request),
        many => {
            let options = many.iter().map(|s| match_line(app, s)).collect();
            let pairs = many
                .iter()
                .map(|s| (s.offer.clone(), s.request.clone()))
                .collect();
            app.overlay = Some(Overlay::Choice(Choice {
                title: Msg::MatchTitle,
                options,
                cursor: Cursor::default(),
                purpose: ChoicePurpose::Match(pairs),
            }));
        }
    }
}

/// A suggestion in one line: who offers what to whom.
pub fn match_line(app: &App, suggestion: &Suggestion) -> String {
    let knowledge = app
        .cohort()
        .map(|c| c.knowledge.as_slice())
        .unwrap_or_default();
    let find = |id: &KnowledgeId| knowledge.iter().find(|k| &k.id == id);
    let name = |k: Option<&KnowledgeItem>| {
        k.and_then(|k| app.data.person(&k.person))
            .map_or_else(String::new, |p| p.name.clone())
    };
    let (offer, request) = (find(&suggestion.offer), find(&suggestion.request));
    fill(
        app.tr(Msg::MatchLine),
        &[
            ("giver", &name(offer)),
            ("taker", &name(request)),
            ("title", offer.map_or("", |k| k.title.as_str())),
        ],
    )
}

/// The exchange form for an offer and a request: format, date, and who takes part.
pub fn put_in_touch_form(app: &mut App, offer: &KnowledgeId, request: &KnowledgeId) {
    let knowledge = app
        .cohort()
        .map(|c| c.knowledge.clone())
        .unwrap_or_default();
    let people: Vec<String> = [offer, request]
        .iter()
        .filter_map(|id| knowledge.iter().find(|k| &k.id == *id))
        .filter_map(|k| app.data.person(&k.person))
        .map(|p| p.name.clone())
        .collect();
    let fields = vec![
        Field::new(Msg::FieldFormat, FieldKind::Choice(&FORMATS), "0"),
        Field::new(
            Msg::FieldDate,
            FieldKind::Date,
            &app.today.format("%d/%m/%Y").to_string(),
        ),
        Field::new(Msg::FieldPeople, FieldKind::Required, &people.join(", "))
            .looked_up(app.cohort_people().iter().map(|p| p.name.clone()).collect()),
    ];
    let purpose = Purpose::Circle(CircleForm::PutInTouch(
        Some(offer.clone()),
        Some(request.clone()),
    ));
    app.overlay = Some(Overlay::Form(Box::new(Form::new(purpose, fields))));
}

/// The exchanges view's actions: evaluating one after it took place.
pub fn update_exchanges(app: &mut App, action: Action) -> Vec<Effect> {
    if move_view_cursor(app, action) {
        return Vec::new();
    }
    if matches!(action, Action::Open | Action::Edit) {
        let exchange = app
            .cohort()
            .and_then(|c| c.exchanges.get(app.circle.exchanges.selected()?))
            .cloned();
        if let Some(exchange) = exchange {
            if exchange.date > app.today {
                app.notify_error(app.tr(Msg::EvaluateAfter));
                return Vec::new();
            }
            // Each participant evaluates for herself; the trainers too, in their own name.
            let me = app.config.me.clone();
            if app.trainee_copy() && !me.as_ref().is_some_and(|m| exchange.people.contains(m)) {
                app.notify_error(app.tr(Msg::OnlyParticipantsEvaluate));
                return Vec::new();
            }
            let evaluation = exchange.evaluations.iter().find(|e| e.by == me);
            let useful = evaluation.map_or("0", |e| if e.useful { "0" } else { "1" });
            let note = evaluation.map(|e| &e.note);
            let mut fields = vec![Field::new(
                Msg::FieldUseful,
                FieldKind::Choice(&USEFUL),
                useful,
            )];
            fields.extend(note_fields(note, FieldKind::Text));
            let form = Form::new(Purpose::Circle(CircleForm::Evaluate(exchange.id)), fields);
            app.overlay = Some(Overlay::Form(Box::new(form)));
        }
    }
    Vec::new()
}

/// Deletes an offer or a request, once confirmed; exchanges that answered it keep their date and
/// people.
pub fn delete(app: &mut App, id: &KnowledgeId) -> Vec<Effect> {
    let label = app.tr(Msg::DeletedKnowledge).to_owned();
    app.notify(label.clone());
    app.change(label, |data| {
        if let Some(cohort) = super::current_mut(data) {
            cohort.knowledge.retain(|k| &k.id != id);
        }
    })
}
