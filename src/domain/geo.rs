//! French départements with the coordinates of their prefecture, for "who is close to me".
//!
//! The table is `assets/departements.csv` (`code,name,lat,lon`, all 101 départements), built into
//! the binary so that no file is read at run time.

use std::sync::OnceLock;

/// A département and the coordinates of its prefecture.
#[derive(Debug, Clone, PartialEq)]
pub struct Departement {
    /// Its code: `01`…`95`, `2A`, `2B`, `971`…`976`.
    pub code: String,
    /// Its name.
    pub name: String,
    /// Latitude of the prefecture, in degrees.
    pub lat: f64,
    /// Longitude of the prefecture, in degrees.
    pub lon: f64,
}

const TABLE: &str = include_str!("../../assets/departements.csv");

/// Every département, in the table's order.
pub fn departements() -> &'static [Departement] {
    static PARSED: OnceLock<Vec<Departement>> = OnceLock::new();
    PARSED.get_or_init(|| {
        TABLE
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut cells = line.split(',');
                let (code, name) = (cells.next()?, cells.next()?);
                let lat = cells.next()?.trim().parse().ok()?;
                let lon = cells.next()?.trim().parse().ok()?;
                Some(Departement {
                    code: code.to_owned(),
                    name: name.to_owned(),
                    lat,
                    lon,
                })
            })
            .collect()
    })
}

/// The département with this code (`2a` and `2A` alike; `1` is `01`).
pub fn departement(code: &str) -> Option<&'static Departement> {
    let code = code.trim();
    let padded;
    let code = if code.len() == 1 {
        padded = format!("0{code}");
        padded.as_str()
    } else {
        code
    };
    departements()
        .iter()
        .find(|d| d.code.eq_ignore_ascii_case(code))
}

/// The great-circle distance in kilometres between two départements' prefectures, if both are
/// known.
pub fn distance_km(from: &str, to: &str) -> Option<f64> {
    let (a, b) = (departement(from)?, departement(to)?);
    Some(haversine_km((a.lat, a.lon), (b.lat, b.lon)))
}

/// The great-circle distance in kilometres between two points given in degrees.
pub fn haversine_km(a: (f64, f64), b: (f64, f64)) -> f64 {
    const EARTH_RADIUS_KM: f64 = 6371.0;
    let (lat1, lat2) = (a.0.to_radians(), b.0.to_radians());
    let dlat = lat2 - lat1;
    let dlon = (b.1 - a.1).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_KM * h.sqrt().asin()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::people::is_departement;

    #[test]
    fn the_table_holds_the_101_departements_each_once() {
        let all = departements();
        assert_eq!(all.len(), 101);
        for d in all {
            assert!(is_departement(&d.code), "{}", d.code);
            assert_eq!(all.iter().filter(|o| o.code == d.code).count(), 1);
            assert!((-25.0..52.0).contains(&d.lat) && (-62.0..56.0).contains(&d.lon));
        }
        assert!(
            departement("975").is_none(),
            "Saint-Pierre-et-Miquelon is no département"
        );
        assert_eq!(
            departement("2a").map(|d| d.name.as_str()),
            Some("Corse-du-Sud")
        );
        assert_eq!(departement("1").map(|d| d.name.as_str()), Some("Ain"));
    }

    #[test]
    fn distances_between_prefectures_are_plausible() {
        // Bordeaux to Périgueux is about 105 km as the crow flies; Paris to Lyon about 392 km.
        let near = distance_km("33", "24").unwrap();
        assert!((95.0..115.0).contains(&near), "{near}");
        let far = distance_km("75", "69").unwrap();
        assert!((380.0..405.0).contains(&far), "{far}");
        assert!(distance_km("33", "33").unwrap() < 0.001);
        assert_eq!(distance_km("33", "zz"), None);
    }
}
