//! A list's cursor and scroll offset, kept in the state so views stay pure and clicks can be mapped.

/// The main list of a screen: what `/` filters, the rows it leaves, and where the cursor is.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Listing {
    /// The selected and first visible rows.
    pub cursor: Cursor,
    /// The filter typed with `/`.
    pub filter: String,
    /// The rows left by the filter: indices into the screen's records.
    pub rows: Vec<usize>,
    /// How many records the screen lists before filtering.
    pub total: usize,
}

impl Listing {
    /// The record under the cursor, if the list is not empty.
    pub fn selected(&self) -> Option<usize> {
        self.rows.get(self.cursor.selected).copied()
    }

    /// Moves the cursor to the first row that `wanted` accepts, if one is listed.
    pub fn select_where(&mut self, height: usize, wanted: impl Fn(usize) -> bool) {
        if let Some(row) = self.rows.iter().position(|&record| wanted(record)) {
            self.cursor.select(row, self.rows.len(), height);
        }
    }

    /// Takes the rows a filter left (`total` records before it) and keeps the cursor on them.
    pub fn refill(&mut self, (total, rows): (usize, Vec<usize>), height: usize) {
        self.rows = rows;
        self.total = total;
        self.cursor.fit(self.rows.len(), height);
    }

    /// Moves the cursor to the last row.
    pub fn select_last(&mut self, height: usize) {
        let len = self.rows.len();
        self.cursor.select(len.saturating_sub(1), len, height);
    }
}

/// The selected row and the first visible row of a list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Cursor {
    /// The selected row, an index into the visible rows.
    pub selected: usize,
    /// The first row drawn.
    pub offset: usize,
}

impl Cursor {
    /// Moves by `delta` rows within `len`, then scrolls so the selection shows in `height` rows.
    pub fn step(&mut self, delta: isize, len: usize, height: usize) {
        let target = self.selected.saturating_add_signed(delta);
        self.select(target, len, height);
    }

    /// Selects a row (clamped), then scrolls so it shows in `height` rows.
    pub fn select(&mut self, row: usize, len: usize, height: usize) {
        self.selected = row.min(len.saturating_sub(1));
        self.fit(len, height);
    }

    /// Keeps the selection inside the list and on screen after the list or the screen changed.
    pub fn fit(&mut self, len: usize, height: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }

    /// Scrolls the view by `delta` rows without losing the selection from sight.
    pub fn scroll(&mut self, delta: isize, len: usize, height: usize) {
        let height = height.max(1);
        self.offset = self
            .offset
            .saturating_add_signed(delta)
            .min(len.saturating_sub(height));
        self.selected = self
            .selected
            .clamp(self.offset, (self.offset + height).saturating_sub(1));
        self.fit(len, height);
    }

    /// The range of rows to draw in `height` rows.
    pub fn visible(&self, len: usize, height: usize) -> std::ops::Range<usize> {
        let start = self.offset.min(len);
        start..(start + height).min(len)
    }
}

#[cfg(test)]
mod tests {
    use super::Cursor;

    #[test]
    fn moving_down_past_the_screen_scrolls() {
        let mut cursor = Cursor::default();
        for _ in 0..12 {
            cursor.step(1, 100, 10);
        }
        assert_eq!(cursor.selected, 12);
        assert_eq!(cursor.offset, 3);
        assert_eq!(cursor.visible(100, 10), 3..13);
    }

    #[test]
    fn selection_is_clamped_to_the_list() {
        let mut cursor = Cursor::default();
        cursor.step(-5, 10, 4);
        assert_eq!(cursor.selected, 0);
        cursor.select(99, 10, 4);
        assert_eq!((cursor.selected, cursor.offset), (9, 6));
        cursor.fit(0, 4);
        assert_eq!((cursor.selected, cursor.offset), (0, 0));
        assert_eq!(cursor.visible(0, 4), 0..0);
    }

    #[test]
    fn wheel_scroll_keeps_the_selection_visible() {
        let mut cursor = Cursor::default();
        cursor.scroll(3, 20, 5);
        assert_eq!((cursor.selected, cursor.offset), (3, 3));
        cursor.scroll(100, 20, 5);
        assert_eq!(cursor.offset, 15);
        assert!(cursor.selected >= 15);
    }
}
