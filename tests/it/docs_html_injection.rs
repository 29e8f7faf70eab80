//! Markup in the data never becomes markup in the HTML documents: every text the sheet and
//! the certificate take from the data file (names, the cohort, the programme, the venue, the
//! organisation's identity, an employer, a correction's reason) holds a script, a tag that
//! closes the title and the stylesheet, an attribute break-out, an ampersand and quotes. Read
//! back with an HTML parser, each page has exactly the elements of the same page made from
//! plain text, and the hostile text comes out as text, character for character.

use cercle::domain::path::{Funding, FundingSource, FundingStatus};
use cercle::domain::{Data, PersonId, SeminarId};
use cercle::export::html;
use cercle::sample::SAMPLE_TODAY;
use scraper::{ElementRef, Html, Selector};

const HOSTILE: &str = "<script>alert(1)</script> Zoé & \"Zo\" 'O'Brien' </title></style><img src=x onerror=alert(2)> \"><b x='";

/// The sample with every text a document shows set to `text` followed by where it is.
fn with_text(text: &str) -> Data {
    let mut data = cercle::sample::sample();
    let cohort = data.current().unwrap();
    let trainee = cohort.trainees[0].clone();
    let seminar_trainer = cohort
        .seminars
        .iter()
        .find(|s| s.id == SeminarId::new("s-na26-03"))
        .unwrap()
        .trainer
        .clone();
    for person in &mut data.people {
        if person.id == trainee {
            person.name = format!("{text} trainee");
            person.employer = format!("{text} employer");
        } else if person.id == seminar_trainer {
            person.name = format!("{text} trainer");
        }
    }
    let org = &mut data.organisation;
    org.name = format!("{text} organisation");
    org.address = format!("{text} address");
    org.city = format!("{text} city");
    org.representative.name = format!("{text} representative");
    org.representative.title = format!("{text} title");
    data.programme.title = format!("{text} programme");
    for module in &mut data.programme.modules {
        module.title = format!("{text} module");
    }
    for venue in &mut *data.venues {
        venue.name = format!("{text} venue");
    }
    let cohort = data
        .cohorts
        .iter_mut()
        .find(|c| c.trainees.contains(&trainee))
        .unwrap();
    cohort.name = format!("{text} cohort");
    cohort.funding.push(Funding {
        trainee: trainee.clone(),
        source: FundingSource::Employer,
        amount_eur: 1200,
        status: FundingStatus::Granted,
    });
    for change in cohort
        .seminars
        .iter_mut()
        .flat_map(|s| &mut s.half_days)
        .flat_map(|h| &mut h.history)
    {
        change.reason = format!("{text} reason");
    }
    data
}

/// The sheet of the seminar with corrections, and the first trainee's certificate.
fn pages(data: &Data) -> [Html; 2] {
    let cohort = data.current().unwrap();
    let sheet = html::sheet::html(data, cohort, Some(&SeminarId::new("s-na26-03")));
    let trainee: &PersonId = &cohort.trainees[0];
    let certificate = html::certificate::html(data, cohort, trainee, SAMPLE_TODAY, None).unwrap();
    [
        Html::parse_document(&sheet),
        Html::parse_document(&certificate),
    ]
}

/// Every element of a page, in document order, with its attributes.
fn elements(page: &Html) -> Vec<String> {
    page.root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .map(|e| format!("{:?}", e.value()))
        .collect()
}

/// What a reader sees of a page: its text, the title's first.
fn text(page: &Html) -> String {
    page.root_element().text().collect()
}

/// The page's title, as a browser's tab shows it.
fn title(page: &Html) -> String {
    let title = Selector::parse("title").unwrap();
    page.select(&title).flat_map(|t| t.text()).collect()
}

#[test]
fn markup_in_the_data_comes_out_as_text_in_the_sheet_and_the_certificate() {
    let plain = pages(&with_text("Plain text"));
    let hostile = pages(&with_text(HOSTILE));
    for (plain, hostile) in plain.iter().zip(&hostile) {
        // Same elements, same attributes: the data opened, closed or added nothing.
        assert_eq!(elements(plain), elements(hostile));
        for tag in ["script", "img", "b"] {
            let selector = Selector::parse(tag).unwrap();
            assert_eq!(hostile.select(&selector).count(), 0, "a <{tag}> got in");
        }
    }
    let [sheet, certificate] = &hostile;
    assert_eq!(
        title(sheet),
        format!("Feuille d'émargement – {HOSTILE} cohort")
    );
    assert_eq!(
        title(certificate),
        format!("Certificat de réalisation – {HOSTILE} trainee")
    );
    let sheet = text(sheet);
    let certificate = text(certificate);
    let places = [
        (&sheet, "organisation"),
        (&sheet, "programme"),
        (&sheet, "module"),
        (&sheet, "venue"),
        (&sheet, "trainer"),
        (&sheet, "trainee"),
        (&sheet, "reason"),
        (&certificate, "organisation"),
        (&certificate, "address"),
        (&certificate, "representative"),
        (&certificate, "title"),
        (&certificate, "trainee"),
        (&certificate, "employer"),
        (&certificate, "programme"),
        (&certificate, "cohort"),
        (&certificate, "city"),
    ];
    for (page, place) in places {
        let shown = format!("{HOSTILE} {place}");
        assert!(
            page.contains(&shown),
            "the {place} is not shown as text: {page}"
        );
    }
}
