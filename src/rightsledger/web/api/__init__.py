"""The JSON API under /api: thin handlers over the library, one error shape, one policy.

Each module holds one ``router``; ``rightsledger.web.routes.API_ROUTERS`` lists them. Handlers take
an ``ApiViewer`` (a bearer token or the browser's session), ask the policy, call the same library
functions as the command line and answer with the public schemas of ``schemas``; every error is an
``ErrorBody``.
"""
