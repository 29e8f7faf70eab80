//! French départements and the distance between them: a representative point (the prefecture)
//! for each of the 101 départements, shipped in `assets/departements.csv`, and the great-circle
//! distance between two points.

use std::sync::LazyLock;

/// The table as shipped: `code,name,lat,lon`, one département a line.
pub const DEPARTEMENTS_CSV: &str = include_str!("../../assets/departements.csv");

/// Mean radius of the Earth, in kilometres (IUGG).
const EARTH_RADIUS_KM: f64 = 6371.0088;

/// A French département with a representative point.
#[derive(Debug, Clone, PartialEq)]
pub struct Departement {
    /// Its code: `01` to `95`, `2A`, `2B`, `971` to `976`.
    pub code: &'static str,
    /// Its name, e.g. `Gironde`.
    pub name: &'static str,
    /// Latitude of its prefecture, in degrees.
    pub lat: f64,
    /// Longitude of its prefecture, in degrees.
    pub lon: f64,
}

static TABLE: LazyLock<Vec<Departement>> = LazyLock::new(|| parse(DEPARTEMENTS_CSV));

/// Reads the table; a line that does not parse is skipped (the test `table_is_complete` checks
/// that none is).
fn parse(text: &'static str) -> Vec<Departement> {
    text.lines()
        .skip(1)
        .filter_map(|line| {
            let mut fields = line.split(',');
            let code = fields.next()?.trim();
            let name = fields.next()?.trim();
            let lat = fields.next()?.trim().parse().ok()?;
            let lon = fields.next()?.trim().parse().ok()?;
            Some(Departement {
                code,
                name,
                lat,
                lon,
            })
        })
        .collect()
}

/// Every département, in the order of the table.
pub fn departements() -> &'static [Departement] {
    &TABLE
}

/// The département with this code (`33`, `2a`, `7` for `07`, `974`), if there is one.
pub fn departement(code: &str) -> Option<&'static Departement> {
    let code = code.trim().to_ascii_uppercase();
    let code = if code.len() == 1 && code.chars().all(|c| c.is_ascii_digit()) {
        format!("0{code}")
    } else {
        code
    };
    TABLE.iter().find(|d| d.code == code)
}

/// The département of a French postal code: its first two digits; in Corsica (20xxx) 2A below
/// 20200 and 2B from there; overseas (97xxx) its first three digits.
pub fn departement_of_postcode(postcode: &str) -> Option<&'static Departement> {
    let postcode = postcode.trim();
    if postcode.len() != 5 || !postcode.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let code = match &postcode[..2] {
        "20" => {
            let number: u32 = postcode.parse().ok()?;
            if number < 20200 { "2A" } else { "2B" }
        }
        "97" => &postcode[..3],
        two => two,
    };
    departement(code)
}

/// Where a place is, from what a record holds: a département code, else the first postal code
/// found in the other texts (a city written "64000 Pau", an address).
pub fn locate(departement_code: &str, texts: &[&str]) -> Option<&'static Departement> {
    departement(departement_code).or_else(|| {
        texts.iter().find_map(|text| {
            text.split(|c: char| !c.is_ascii_digit())
                .find_map(departement_of_postcode)
        })
    })
}

/// The great-circle distance between two points, in kilometres (the haversine formula).
pub fn haversine_km(from: (f64, f64), to: (f64, f64)) -> f64 {
    let (lat1, lon1) = (from.0.to_radians(), from.1.to_radians());
    let (lat2, lon2) = (to.0.to_radians(), to.1.to_radians());
    let half_dlat = ((lat2 - lat1) / 2.0).sin();
    let half_dlon = ((lon2 - lon1) / 2.0).sin();
    let a = half_dlat * half_dlat + lat1.cos() * lat2.cos() * half_dlon * half_dlon;
    2.0 * EARTH_RADIUS_KM * a.sqrt().min(1.0).asin()
}

impl Departement {
    /// The great-circle distance to another département's point, in kilometres.
    pub fn distance_km(&self, other: &Self) -> f64 {
        haversine_km((self.lat, self.lon), (other.lat, other.lon))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::people::is_departement;

    fn km(a: &str, b: &str) -> f64 {
        departement(a).unwrap().distance_km(departement(b).unwrap())
    }

    #[test]
    fn table_is_complete() {
        assert_eq!(
            DEPARTEMENTS_CSV.lines().count(),
            102,
            "a header and 101 lines"
        );
        assert_eq!(departements().len(), 101, "every line parses");
        let mut codes: Vec<&str> = departements().iter().map(|d| d.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 101, "codes are unique");
        for d in departements() {
            assert!(is_departement(d.code), "{}", d.code);
            assert!(!d.name.is_empty());
            let metropolitan = d.code.len() == 2;
            if metropolitan {
                // Within the bounding box of metropolitan France and Corsica.
                assert!((41.3..51.1).contains(&d.lat), "{} {}", d.code, d.lat);
                assert!((-5.2..9.6).contains(&d.lon), "{} {}", d.code, d.lon);
            }
        }
        for code in ["01", "2A", "2B", "95", "971", "972", "973", "974", "976"] {
            assert!(departement(code).is_some(), "{code}");
        }
        assert!(departement("20").is_none() && departement("975").is_none());
    }

    #[test]
    fn known_great_circle_distances() {
        // Bordeaux to Pau, Paris to Lyon, Paris to Marseille, Lille to Strasbourg.
        assert!(
            (170.0..180.0).contains(&km("33", "64")),
            "{}",
            km("33", "64")
        );
        assert!(
            (388.0..396.0).contains(&km("75", "69")),
            "{}",
            km("75", "69")
        );
        assert!(
            (655.0..665.0).contains(&km("75", "13")),
            "{}",
            km("75", "13")
        );
        assert!(
            (400.0..415.0).contains(&km("59", "67")),
            "{}",
            km("59", "67")
        );
        // Ajaccio to Bastia, across Corsica.
        assert!(
            (100.0..110.0).contains(&km("2A", "2B")),
            "{}",
            km("2A", "2B")
        );
        assert!(km("33", "33").abs() < f64::EPSILON);
        assert!((km("33", "64") - km("64", "33")).abs() < 1e-9, "symmetric");
    }

    #[test]
    fn codes_are_read_leniently() {
        assert_eq!(departement("2a").map(|d| d.name), Some("Corse-du-Sud"));
        assert_eq!(departement("7").map(|d| d.code), Some("07"));
        assert_eq!(departement(" 33 ").map(|d| d.name), Some("Gironde"));
        assert!(departement("").is_none() && departement("xx").is_none());
    }

    #[test]
    fn postal_codes_map_to_departements() {
        let of = |pc: &str| departement_of_postcode(pc).map(|d| d.code);
        assert_eq!(of("33000"), Some("33"));
        assert_eq!(of("01000"), Some("01"));
        assert_eq!(of("64000"), Some("64"));
        assert_eq!(of("20000"), Some("2A"));
        assert_eq!(of("20199"), Some("2A"));
        assert_eq!(of("20200"), Some("2B"));
        assert_eq!(of("20600"), Some("2B"));
        assert_eq!(of("97100"), Some("971"));
        assert_eq!(of("97400"), Some("974"));
        assert_eq!(of("97600"), Some("976"));
        for bad in [
            "97500", "98000", "00100", "3300", "330000", "33 00", "abcde",
        ] {
            assert_eq!(of(bad), None, "{bad}");
        }
    }

    #[test]
    fn a_place_is_found_by_code_then_by_a_postal_code_in_the_text() {
        assert_eq!(locate("40", &["Dax"]).map(|d| d.code), Some("40"));
        assert_eq!(locate("", &["64000 Pau"]).map(|d| d.code), Some("64"));
        assert_eq!(
            locate("", &["Dax", "27 avenue des Sources, 40100 Dax"]).map(|d| d.code),
            Some("40")
        );
        assert_eq!(locate("", &["Pau"]), None);
    }
}
