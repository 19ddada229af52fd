"""The web application: server-rendered pages and a JSON API over one casebook.

``create_app(casebook)`` builds it; ``rightsledger serve`` runs it with uvicorn. Handlers are thin:
they ask ``protect.policy``, parse, call the library and render.
"""
