//! The four screens of the app and the modes that overlay them.

/// One of the four screens, in tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Screen {
    /// The programme, seminars and attendance.
    #[default]
    Modules,
    /// The cohort as a circle of peers.
    Circle,
    /// Who is who.
    Contacts,
    /// Requests for a tutor's help.
    Tutoring,
}

impl Screen {
    /// Every screen, in tab order.
    pub const ALL: [Self; 4] = [Self::Modules, Self::Circle, Self::Contacts, Self::Tutoring];

    /// The screen's position in the tabs, from 0.
    pub fn index(self) -> usize {
        Self::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The next screen, wrapping around.
    #[must_use]
    pub fn next(self) -> Self {
        Self::ALL[(self.index() + 1) % Self::ALL.len()]
    }

    /// The previous screen, wrapping around.
    #[must_use]
    pub fn previous(self) -> Self {
        Self::ALL[(self.index() + Self::ALL.len() - 1) % Self::ALL.len()]
    }
}
