"""Files in and out of a casebook: CSV, JSON and JSON lines, by external id, all or nothing."""
