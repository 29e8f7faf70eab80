//! The Peer contacts screen: everyone around the programme, the letters the search matched
//! highlighted, grouped by cohort or role, with the selected person's card beside the list (or
//! filling the screen once opened).

use super::table;
use super::text::{person_role, phase, place, safe};
use super::theme::Theme;
use crate::app::layout;
use crate::app::{App, Screen};
use crate::domain::directory::{Group, GroupKey, Sort, group_of};
use crate::domain::search::{self, Query};
use crate::domain::{ContactField, Person, geo};
use crate::i18n::Msg;
use nucleo_matcher::Matcher;
use ratatui::Frame;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Paragraph, Row, Wrap};
use unicode_segmentation::UnicodeSegmentation;

/// Draws the Peer contacts screen.
pub fn draw(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let selected = app
        .selected(Screen::Contacts)
        .and_then(|i| app.data.people.get(i))
        .map(|p| &**p);
    if app.contacts.zoomed {
        card(frame, app, area, selected, theme);
        return;
    }
    let list_width = layout::list_rows(area, Screen::Contacts, 0).width + 2;
    let list = Rect {
        width: list_width,
        ..area
    };
    let detail_area = Rect {
        x: area.x + list_width,
        width: area.width - list_width,
        ..area
    };
    draw_list(frame, app, list, theme);
    card(frame, app, detail_area, selected, theme);
}

/// The style of the letters the search matched: underlined as well as coloured, so that it
/// shows without colour too.
fn matched(theme: &Theme) -> Style {
    theme.key.add_modifier(Modifier::UNDERLINED)
}

fn draw_list(frame: &mut Frame, app: &App, area: Rect, theme: &Theme) {
    let state = &app.contacts;
    let query = state.query();
    let mut title = table::title(app, Screen::Contacts, app.tr(Msg::ScreenContacts));
    let order = match state.sort {
        _ if query.is_some_and(Query::has_words) => Msg::BestMatch,
        Sort::Name => Msg::SortName,
        Sort::Cohort => Msg::SortCohort,
        Sort::Distance if app.me().is_none() => Msg::SortNoMe,
        Sort::Distance => Msg::SortDistance,
    };
    title = format!("{}· {} ", title, app.tr(order));
    match state.group {
        Group::None => {}
        Group::Cohort => title = format!("{title}· {} ", app.tr(Msg::GroupedByCohort)),
        Group::Role => title = format!("{title}· {} ", app.tr(Msg::GroupedByRole)),
    }
    let (headers, widths): (Vec<Msg>, Vec<Constraint>) = match state.group {
        Group::None => (
            vec![Msg::ColName, Msg::ColRole, Msg::ColCity],
            vec![
                Constraint::Fill(3),
                Constraint::Fill(2),
                Constraint::Fill(2),
            ],
        ),
        // Cohort names differ by their end ("… 2024", "… 2026"): their column is wide enough,
        // and in a narrow list the city gives way to them.
        Group::Cohort if area.width < 60 => (
            vec![Msg::ColCohort, Msg::ColName],
            vec![Constraint::Length(23), Constraint::Fill(1)],
        ),
        Group::Cohort => (
            vec![Msg::ColCohort, Msg::ColName, Msg::ColCity],
            vec![
                Constraint::Length(24),
                Constraint::Fill(3),
                Constraint::Fill(2),
            ],
        ),
        Group::Role => (
            vec![Msg::ColRole, Msg::ColName, Msg::ColCity],
            vec![
                Constraint::Fill(2),
                Constraint::Fill(3),
                Constraint::Fill(2),
            ],
        ),
    };
    let spec = table::Spec {
        screen: Screen::Contacts,
        title: Line::from(title),
        headers: &headers,
        widths: &widths,
    };
    let me = app.me().map(|p| p.departement.clone());
    let mut matcher = search::matcher();
    // The city is the last column: cut at a word, "106 km" whole or not at all.
    let city_room = table::column_widths(area, &widths)
        .last()
        .copied()
        .unwrap_or(0);
    let mut last_group = None;
    table::draw(frame, app, area, theme, spec, |i| {
        let Some(person) = app.data.people.get(i) else {
            return Row::default();
        };
        let name = Cell::from(highlighted(&person.name, query, &mut matcher, theme));
        let mut city = safe(&person.city).into_owned();
        if state.sort == Sort::Distance
            && let Some(km) = me.as_deref().and_then(|m| {
                Some(geo::departement(m)?.distance_km(geo::departement(&person.departement)?))
            })
        {
            city = format!("{city} · {km:.0} km");
        }
        let city = Cell::from(super::text::shorten(&city, city_room).into_owned());
        let role = app.tr(person_role(person.role));
        let Some(keys) = state.keys().filter(|_| state.group != Group::None) else {
            return Row::new(vec![name, Cell::from(role), city]);
        };
        let group = group_of(&app.data, keys, i, state.group);
        // The group's name shows on its first row only, like a heading.
        let label = if last_group == Some(group) {
            String::new()
        } else {
            match group {
                GroupKey::Cohort(Some(c)) => app
                    .data
                    .cohorts
                    .get(c)
                    .map(|c| safe(&c.name).into_owned())
                    .unwrap_or_default(),
                GroupKey::Cohort(None) => app.tr(Msg::NoCohortGroup).to_owned(),
                GroupKey::Role(_) | GroupKey::All => role.to_owned(),
            }
        };
        last_group = Some(group);
        if headers.len() == 2 {
            return Row::new(vec![Cell::from(label), name]);
        }
        Row::new(vec![Cell::from(label), name, city])
    });
}

/// A name with the letters the query matched in the match style.
fn highlighted(
    text: &str,
    query: Option<&Query>,
    matcher: &mut Matcher,
    theme: &Theme,
) -> Line<'static> {
    let indices = query
        .map(|q| search::highlight(q, text, matcher))
        .unwrap_or_default();
    if indices.is_empty() {
        return Line::from(safe(text).into_owned());
    }
    let spans: Vec<Span> = text
        .graphemes(true)
        .enumerate()
        .map(|(n, g)| {
            let hit = u32::try_from(n).is_ok_and(|n| indices.binary_search(&n).is_ok());
            let g = safe(g).into_owned();
            if hit {
                Span::styled(g, matched(theme))
            } else {
                Span::raw(g)
            }
        })
        .collect();
    Line::from(spans)
}

fn card(frame: &mut Frame, app: &App, area: Rect, person: Option<&Person>, theme: &Theme) {
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border);
    if app.contacts.zoomed {
        // The card is the person's: their name heads it, the way out beside.
        let mut title = Vec::new();
        if let Some(p) = person {
            title.push(Span::styled(format!(" {} ", safe(&p.name)), theme.title));
        }
        title.push(Span::styled(
            format!(" {} ", app.tr(Msg::CardHint)),
            theme.dim,
        ));
        block = block.title(Line::from(title));
    }
    let lines = person.map(|p| detail(app, p, theme)).unwrap_or_default();
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        area,
    );
}

fn detail(app: &App, person: &Person, theme: &Theme) -> Vec<Line<'static>> {
    // A field the person did not agree to share is marked, so nobody passes it on unawares.
    let field = |label: Msg, value: String, consent: ContactField| {
        let mut spans = vec![
            Span::styled(format!("{} ", app.label(label)), theme.dim),
            Span::styled(value, theme.text),
        ];
        if !person.shares(consent) {
            spans.push(Span::styled(
                format!(" ({})", app.tr(Msg::NotShared)),
                theme.warn,
            ));
        }
        Line::from(spans)
    };
    let mut lines = heading(app, person, theme);
    lines.push(Line::default());
    for email in &person.emails {
        lines.push(field(
            Msg::FieldEmail,
            safe(email).into_owned(),
            ContactField::Email,
        ));
    }
    for phone in &person.phones {
        lines.push(field(
            Msg::FieldPhone,
            safe(phone).into_owned(),
            ContactField::Phone,
        ));
    }
    if !person.city.is_empty() || !person.departement.is_empty() {
        let place = format!("{} ({})", safe(&person.city), safe(&person.departement));
        lines.push(field(Msg::FieldCity, place, ContactField::City));
    }
    let work: Vec<String> = [&person.organisation, &person.job]
        .into_iter()
        .filter(|s| !s.is_empty())
        .map(|s| safe(s).into_owned())
        .collect();
    if !work.is_empty() {
        lines.push(field(
            Msg::FieldOrganisation,
            work.join(" · "),
            ContactField::Organisation,
        ));
    }
    if !person.website.is_empty() {
        lines.push(field(
            Msg::FieldWebsite,
            safe(&person.website).into_owned(),
            ContactField::Website,
        ));
    }
    if let Some(project) = &person.project {
        let text = format!(
            "{} · {} · {}",
            safe(&project.name),
            app.tr(place(project.kind)),
            app.tr(phase(project.phase))
        );
        lines.push(field(Msg::ColProject, text, ContactField::Project));
    }
    let tags: Vec<&str> = person.skills().collect();
    if !tags.is_empty() {
        lines.push(field(
            Msg::FieldTags,
            safe(&tags.join(", ")).into_owned(),
            ContactField::Tags,
        ));
    }
    for note in &person.notes {
        let mut spans = vec![Span::styled("• ", theme.dim)];
        if note.confidential {
            spans.push(Span::styled(
                format!("[{}] ", app.tr(Msg::Confidential)),
                theme.warn,
            ));
        }
        spans.push(Span::styled(safe(&note.text).into_owned(), theme.text));
        lines.push(Line::from(spans));
    }
    lines.extend(circle_of(app, person, theme));
    lines
}

/// The person's offers, requests and exchanges in the current cohort's circle.
fn circle_of(app: &App, person: &Person, theme: &Theme) -> Vec<Line<'static>> {
    use crate::domain::knowledge::KnowledgeKind;
    let Some(cohort) = app.cohort() else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for (kind, label) in [
        (KnowledgeKind::Offer, Msg::CardOffers),
        (KnowledgeKind::Request, Msg::CardRequests),
    ] {
        let titles: Vec<String> = cohort
            .knowledge
            .iter()
            .filter(|k| k.person == person.id && k.kind == kind)
            .map(|k| safe(&k.title).into_owned())
            .collect();
        if !titles.is_empty() {
            lines.push(Line::from(vec![
                Span::styled(format!("{} ", app.label(label)), theme.dim),
                Span::styled(titles.join(" · "), theme.text),
            ]));
        }
    }
    let exchanges: Vec<String> = cohort
        .exchanges
        .iter()
        .filter(|e| e.people.contains(&person.id))
        .map(|e| {
            let others: Vec<String> = e
                .people
                .iter()
                .filter(|p| **p != person.id)
                .filter_map(|p| app.data.person(p).map(|p| safe(&p.name).into_owned()))
                .collect();
            format!("{} {}", e.date.format("%d/%m/%Y"), others.join(", "))
        })
        .collect();
    if !exchanges.is_empty() {
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", app.label(Msg::CardExchanges)), theme.dim),
            Span::styled(exchanges.join(" · "), theme.text),
        ]));
    }
    if !lines.is_empty() {
        lines.insert(0, Line::default());
    }
    lines
}

/// The card's first lines: name and pronouns, role, cohorts.
fn heading(app: &App, person: &Person, theme: &Theme) -> Vec<Line<'static>> {
    let mut heading = vec![Span::styled(safe(&person.name).into_owned(), theme.title)];
    if let Some(pronouns) = &person.pronouns {
        heading.push(Span::styled(format!(" ({})", safe(pronouns)), theme.dim));
    }
    let mut lines = vec![
        Line::from(heading),
        Line::from(Span::styled(
            app.tr(person_role(person.role)).to_owned(),
            theme.dim,
        )),
    ];
    let cohorts = cohorts_of(app, person);
    if !cohorts.is_empty() {
        lines.push(Line::from(vec![
            Span::styled(format!("{} ", app.label(Msg::DetailCohorts)), theme.dim),
            Span::styled(cohorts, theme.text),
        ]));
    }
    lines
}

/// The names of the cohorts a person belongs to, newest first.
fn cohorts_of(app: &App, person: &Person) -> String {
    let Some(keys) = app.contacts.keys() else {
        return String::new();
    };
    let Some(i) = app.data.people.position(person.id.as_str()) else {
        return String::new();
    };
    keys.cohorts
        .get(i)
        .map(|list| {
            list.iter()
                .rev()
                .filter_map(|&c| app.data.cohorts.get(c))
                .map(|c| safe(&c.name).into_owned())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
}
