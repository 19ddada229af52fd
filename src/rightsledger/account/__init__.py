"""Holding perpetrators to account: statuses and clocks derived from proceedings, never typed."""
