"""Holding perpetrators to account: statuses and clocks derived from proceedings, never typed.

The public surface (read-only queries on a SQLAlchemy session):

- ``command.chain_of_command`` / ``command.subordinates``: who stood above and below, when;
- ``timeline.proceedings_timeline``: the dated, cited proceedings of a perpetrator, event, victim;
- ``impunity.impunity_clock`` / ``impunity.impunity_summary``: days without investigation,
  charge or verdict, as of a fixed date;
- ``profile.perpetrator_profile`` / ``profile.accountability_overview``: all of it for one
  perpetrator, or one line per perpetrator;
- ``status.derive_status`` / ``status.perpetrators``: the status after HURIDOCS ESF.

Names of persons are shown through ``status.person_label`` with the caller's protector: a role
without the key sees pseudonyms. ``published_only=True`` keeps only published records (viewers).
"""
