"""Every router of the application, in one list each for pages and for the API.

A new screen is a module here with a module-level ``router``; add it to the list below.
"""

from __future__ import annotations

from fastapi import APIRouter

from rightsledger.web.routes import admin, auth, dashboard

PAGE_ROUTERS: list[APIRouter] = [
    auth.router,
    dashboard.router,
    admin.router,
]

API_ROUTERS: list[APIRouter] = []
