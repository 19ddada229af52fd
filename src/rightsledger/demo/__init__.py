"""The demo casebook: synthetic data modelled on public reporting, built through the importer."""
