// keyboard shortcuts: see below
