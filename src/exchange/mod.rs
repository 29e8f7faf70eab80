//! Exports and imports: files that leave or enter Cercle, beside the store (I/O, no terminal).

pub mod calendar;
