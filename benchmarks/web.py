"""Load on the web application over 100,000 acts: requests/s and latency per page.

    uv run python benchmarks/web.py                        # both backends, builds the casebooks
    uv run python benchmarks/web.py --reuse --backend sqlite --requests 500 --seconds 30

Builds a casebook of synthetic acts (the generator of benchmarks/import.py) under
benchmarks/out/web/<backend>/ (kept for --reuse; its key lives in benchmarks/out/web/config, never
in the user's configuration), adds one user, starts `rightsledger serve` as a subprocess on a
loopback port, signs in once through the real form (password and one-time code) and replays the
session cookie from an asyncio load generator: --clients concurrent clients per page, each page
bounded by --requests and --seconds. Pages: the dashboard `/`, a list `/acts?page=10` and detail
pages `/acts/<external id>` of random acts. "cold ms" is each page's very first request, before
the server's caches are warm (then every worker is warmed with concurrent requests, untimed).

Goal: p95 < 200 ms at 20 concurrent clients. The load generator shares the machine with the
server, so the figures are a floor for what a separate client machine would see.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import datetime as dt
import importlib
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from sqlalchemy import create_engine, func, select, text, update
from sqlalchemy.engine import make_url

OUT = Path(__file__).resolve().parent / "out" / "web"
PASSWORD = "a long synthetic benchmark password"
USERNAME = "bench"
GOAL_P95_MS = 200.0
LIST_PAGE = "/acts?page=10"
CSRF_INPUT = re.compile(r'name="csrf_token" value="([^"]+)"')


# -- the casebook -------------------------------------------------------------------------------


def _importer():  # type: ignore[no-untyped-def]
    """benchmarks/import.py, whose name is a keyword: loaded by name to reuse its generator."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    return importlib.import_module("import")


def _database_url(server: str) -> str:
    return make_url(server).set(database="rl_bench_web").render_as_string(hide_password=False)


def _drop_database(url: str) -> None:
    parsed = make_url(url)
    admin = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}" WITH (FORCE)'))
    finally:
        admin.dispose()


def _acts_in(directory: Path) -> int | None:
    """How many acts the casebook at ``directory`` holds; None when there is none to reuse."""
    from rightsledger.errors import RightsledgerError
    from rightsledger.model import Act
    from rightsledger.store.casebook import Casebook

    if not (directory / "casebook.toml").exists() or not (directory / "bench-user.json").exists():
        return None
    try:
        with Casebook.open(directory) as casebook, casebook.reader() as session:
            return int(session.scalar(select(func.count(Act.id))) or 0)
    except RightsledgerError:
        return None


def build(directory: Path, *, acts: int, database: str | None, role: str) -> None:
    """A new casebook of ``acts`` synthetic acts and a user; replaces a previous one."""
    from rightsledger.protect import users
    from rightsledger.store.casebook import Casebook
    from rightsledger.store.io.importer import import_table
    from rightsledger.store.io.kinds import KINDS
    from rightsledger.store.io.reading import FileFormat, read_table

    if directory.exists():
        shutil.rmtree(directory)  # only ever benchmarks/out/web/<backend>, made by this script
    if database is not None:
        _drop_database(database)
    directory.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        paths = _importer().generate(Path(scratch), acts)
        with Casebook.create(directory, database=database) as casebook:
            for kind in ("events", "persons", "acts"):
                table = read_table(
                    paths[kind].read_bytes(), source=paths[kind].name, file_format=FileFormat.CSV
                )
                import_table(casebook, KINDS[kind], table)
            with casebook.session() as session:
                enrolment = users.add_user(
                    session,
                    username=USERNAME,
                    password=PASSWORD,
                    role=role,
                    keyring=casebook.keyring,
                    actor=None,
                )
    # A synthetic account on a throwaway benchmark casebook: its secret is kept beside it.
    (directory / "bench-user.json").write_text(json.dumps({"secret": enrolment.secret}))
    print(f"  built {acts:,} acts in {time.perf_counter() - started:.0f} s at {directory}")


def current_code(directory: Path) -> str:
    """A one-time code for the benchmark user, forgetting the step a previous run used (a sign-in
    within the same 30 seconds would otherwise be refused as a replay)."""
    from rightsledger.model import User
    from rightsledger.protect import totp
    from rightsledger.store.casebook import Casebook

    secret = json.loads((directory / "bench-user.json").read_text())["secret"]
    with Casebook.open(directory) as casebook, casebook.engine.begin() as connection:
        connection.execute(
            update(User).where(User.username == USERNAME).values(totp_last_step=None)
        )
    return totp.code_at(secret, dt.datetime.now(dt.UTC))


# -- the server ---------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def server(directory: Path, *, workers: int) -> Iterator[str]:
    """`rightsledger serve` over ``directory`` in a subprocess; yields its base URL."""
    port = free_port()
    command = Path(sys.executable).with_name("rightsledger")
    log = (directory / "serve.log").open("w")
    arguments = ["serve", "--casebook", str(directory), "--port", str(port)]
    process = subprocess.Popen(
        [str(command), *arguments, "--workers", str(workers)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300  # workers import a lot; a busy machine is slow
        while True:
            if process.poll() is not None:
                raise SystemExit(f"the server stopped; see {directory / 'serve.log'}")
            with contextlib.suppress(httpx.TransportError):
                if httpx.get(f"{base}/login", timeout=2).status_code == 200:
                    break
            if time.monotonic() > deadline:
                raise SystemExit(f"the server did not answer; see {directory / 'serve.log'}")
            time.sleep(0.3)
        yield base
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def sign_in(base: str, code: str) -> str:
    """Sign in through the real form; returns the session cookie's value."""
    with httpx.Client(base_url=base, timeout=30) as client:
        form = client.get("/login")
        found = CSRF_INPUT.search(form.text)
        login_token = form.cookies.get("rl_login")
        if found is None or login_token is None:
            raise SystemExit("the sign-in form has no CSRF field or cookie")
        # The cookies are Secure: httpx keeps them for https only, so they are sent by hand.
        answer = client.post(
            "/login",
            data={
                "username": USERNAME,
                "password": PASSWORD,
                "code": code,
                "csrf_token": found.group(1),
            },
            headers={"cookie": f"rl_login={login_token}"},
        )
        session = answer.cookies.get("rl_session")
        if answer.status_code != 303 or session is None:
            raise SystemExit(f"sign-in refused ({answer.status_code})")
        return session


# -- the load -----------------------------------------------------------------------------------


@dataclass
class Result:
    page: str
    first_ms: float = 0.0  # the very first request, with the server's caches cold
    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)

    @property
    def requests(self) -> int:
        return len(self.latencies) + sum(self.errors.values())

    def percentile(self, share: float) -> float:
        if len(self.latencies) < 2:
            return self.latencies[0] if self.latencies else float("nan")
        return statistics.quantiles(self.latencies, n=100, method="inclusive")[int(share) - 1]

    def line(self, backend: str) -> str:
        rate = self.requests / self.seconds if self.seconds else 0.0
        p95 = self.percentile(95)
        verdict = "meets" if p95 < GOAL_P95_MS and not self.errors else "MISSES"
        errors = ", ".join(f"{k}×{v}" for k, v in self.errors.items()) or "0"
        return (
            f"{backend:<11} {self.page:<16} {self.requests:>6,} {rate:>8.1f} "
            f"{self.percentile(50):>7.0f} {p95:>7.0f} {self.percentile(99):>7.0f} "
            f"{self.first_ms:>7.0f}  "
            f"{verdict} goal  errors: {errors}"
        )


async def hammer(
    base: str,
    cookie: str,
    page: str,
    path_for: Callable[[], str],
    *,
    clients: int,
    requests: int,
    seconds: float,
) -> Result:
    """``clients`` concurrent clients until ``requests`` are done or ``seconds`` have passed."""
    result = Result(page=page)
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(
        base_url=base, headers={"cookie": f"rl_session={cookie}"}, limits=limits, timeout=60
    ) as client:
        began = time.perf_counter()
        await client.get(path_for())
        result.first_ms = (time.perf_counter() - began) * 1000
        # Warm every worker's caches before measuring: concurrent requests open several
        # connections, which the kernel spreads over the workers (sequential ones would reuse
        # one connection, hence one worker, and leave the others cold).
        await asyncio.gather(*(client.get(path_for()) for _ in range(2 * clients)))
        issued = 0
        start = time.perf_counter()
        deadline = start + seconds

        async def one_client() -> None:
            nonlocal issued
            while issued < requests and time.perf_counter() < deadline:
                issued += 1
                began = time.perf_counter()
                try:
                    response = await client.get(path_for())
                except httpx.HTTPError as failure:
                    result.errors[type(failure).__name__] += 1
                    continue
                if response.status_code == 200:
                    result.latencies.append((time.perf_counter() - began) * 1000)
                else:
                    result.errors[str(response.status_code)] += 1

        await asyncio.gather(*(one_client() for _ in range(clients)))
        result.seconds = time.perf_counter() - start
    return result


def measure(base: str, cookie: str, *, acts: int, args: argparse.Namespace) -> list[Result]:
    rng = random.Random(11)  # which acts to ask for: reproducible, not a secret
    probe = httpx.get(f"{base}{LIST_PAGE}", headers={"cookie": f"rl_session={cookie}"}, timeout=60)
    pages: list[tuple[str, Callable[[], str]]] = [("dashboard /", lambda: "/")]
    if probe.status_code == 200:
        pages.append((LIST_PAGE, lambda: LIST_PAGE))
        pages.append(("/acts/<id>", lambda: f"/acts/a-{rng.randrange(acts)}"))
    else:
        print(
            f"  the list and detail pages answer {probe.status_code} ({LIST_PAGE}): the record "
            "pages are not part of this build yet, so only the dashboard is measured"
        )
    return [
        asyncio.run(
            hammer(
                base,
                cookie,
                name,
                path_for,
                clients=args.clients,
                requests=args.requests,
                seconds=args.seconds,
            )
        )
        for name, path_for in pages
    ]


def run_backend(backend: str, args: argparse.Namespace) -> list[str]:
    directory = OUT / backend
    database = _database_url(args.postgres) if backend == "postgresql" else None
    held = _acts_in(directory) if args.reuse else None
    if held is None:
        print(f"{backend}: building a casebook of {args.acts:,} acts")
        build(directory, acts=args.acts, database=database, role=args.role)
        held = args.acts
    else:
        print(f"{backend}: reusing {directory} ({held:,} acts)")
    code = current_code(directory)
    with server(directory, workers=args.workers) as base:
        cookie = sign_in(base, code)
        results = measure(base, cookie, acts=held, args=args)
    lines = [result.line(backend) for result in results]
    print("\n".join(f"  {line}" for line in lines), flush=True)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--backend", choices=("sqlite", "postgresql", "both"), default="both")
    parser.add_argument("--acts", type=int, default=100_000, help="acts in a new casebook")
    parser.add_argument("--reuse", action="store_true", help="reuse the casebooks of a last run")
    parser.add_argument("--clients", type=int, default=20, help="concurrent clients")
    parser.add_argument("--requests", type=int, default=2000, help="at most, per page")
    parser.add_argument("--seconds", type=float, default=60.0, help="at most, per page")
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--role", default="analyst", help="the benchmark user's role")
    parser.add_argument(
        "--postgres",
        default=os.environ.get(
            "RIGHTSLEDGER_TEST_POSTGRES", "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
        ),
    )
    args = parser.parse_args()
    # The casebooks' keys stay with them in benchmarks/out, away from the user's own keys.
    os.environ["XDG_CONFIG_HOME"] = str(OUT / "config")
    for name in ("RIGHTSLEDGER_KEY_FILE", "RIGHTSLEDGER_PASSPHRASE", "RIGHTSLEDGER_CASEBOOK"):
        os.environ.pop(name, None)
    backends = ("sqlite", "postgresql") if args.backend == "both" else (args.backend,)
    print(
        f"machine: {os.cpu_count()} cores (shared with the load generator); "
        f"{args.workers} server workers; {args.clients} clients; "
        f"at most {args.requests:,} requests or {args.seconds:.0f} s per page"
    )
    lines = []
    for backend in backends:
        lines += run_backend(backend, args)
    print(
        f"\n{'backend':<11} {'page':<16} {'reqs':>6} {'req/s':>8} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'cold ms':>7}"
    )
    print("\n".join(lines))


if __name__ == "__main__":
    main()
