"""The evidence vault: write-once intake, custody, text, search, verification and packages."""
