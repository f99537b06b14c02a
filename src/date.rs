//! Dates as sources state them: a year, a month, or a day.

use std::fmt;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let bad = || format!("date \"{s}\" is not YYYY, YYYY-MM or YYYY-MM-DD");
        let mut parts = s.split('-');
        let year = parts
            .next()
            .filter(|y| y.len() == 4)
            .and_then(|y| y.parse::<u16>().ok())
            .ok_or_else(bad)?;
        let month = match parts.next() {
            None => None,
            Some(m) => Some(
                m.parse::<u8>()
                    .ok()
                    .filter(|m| (1..=12).contains(m) && s.len() >= 7)
                    .ok_or_else(bad)?,
            ),
        };
        let day = match parts.next() {
            None => None,
            Some(d) => {
                let d = d.parse::<u8>().ok().ok_or_else(bad)?;
                let max = days_in_month(year, month.unwrap_or(1));
                if d == 0 || d > max {
                    return Err(bad());
                }
                Some(d)
            }
        };
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(Self { year, month, day })
    }

    /// "March 22, 2022", "November 2020", "2023".
    pub fn long(&self) -> String {
        const MONTHS: [&str; 12] = [
            "January",
            "February",
            "March",
            "April",
            "May",
            "June",
            "July",
            "August",
            "September",
            "October",
            "November",
            "December",
        ];
        match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{} {d}, {}", MONTHS[usize::from(m - 1)], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[usize::from(m - 1)], self.year),
            _ => self.year.to_string(),
        }
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> serde::Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        Self::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_three_forms() {
        let d = PartialDate::parse("2022-03-22").unwrap();
        assert_eq!(d.to_string(), "2022-03-22");
        assert_eq!(d.long(), "March 22, 2022");
        assert_eq!(
            PartialDate::parse("2020-11").unwrap().long(),
            "November 2020"
        );
        assert_eq!(PartialDate::parse("2023").unwrap().long(), "2023");
    }

    #[test]
    fn rejects_nonsense() {
        for s in [
            "",
            "22",
            "2022-13",
            "2022-02-30",
            "2022-1",
            "2022-01-01-01",
            "x",
        ] {
            assert!(PartialDate::parse(s).is_err(), "{s}");
        }
        assert!(PartialDate::parse("2024-02-29").is_ok());
    }

    #[test]
    fn orders_by_year_then_month() {
        let a = PartialDate::parse("2022").unwrap();
        let b = PartialDate::parse("2022-05").unwrap();
        let c = PartialDate::parse("2023-01-01").unwrap();
        assert!(a < b && b < c);
    }
}
