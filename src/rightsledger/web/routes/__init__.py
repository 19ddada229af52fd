"""Every router of the application, in one list each for pages and for the API.

A new screen is a module here with a module-level ``router``; add it to the list below.
"""

from __future__ import annotations

from fastapi import APIRouter

from rightsledger.web.api import accountability as api_accountability
from rightsledger.web.api import documents as api_documents
from rightsledger.web.api import entry as api_entry
from rightsledger.web.api import figures as api_figures
from rightsledger.web.api import records as api_records
from rightsledger.web.routes import admin, auth, dashboard, documents, estimates, links, transfer
from rightsledger.web.routes import entry as entry_page
from rightsledger.web.routes import records as record_pages
from rightsledger.web.routes import search as search_page

PAGE_ROUTERS: list[APIRouter] = [
    auth.router,
    dashboard.router,
    admin.router,
    documents.router,
    links.router,
    estimates.router,
    transfer.router,
    record_pages.router,
    search_page.router,
    entry_page.router,
]

API_ROUTERS: list[APIRouter] = [
    api_records.router,
    api_accountability.router,
    api_figures.router,
    api_documents.router,
    api_entry.router,
]
