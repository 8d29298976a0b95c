"""Generate a large, realistic incident library for benchmarks.

    python bench/gen_library.py FOLDER --count 10000 [--seed 7]

Retrospectives are built from a fixed seed (`random.Random(seed)`), so the
same seed and day give the same library. They are varied the way a real
library is: 17 failure scenarios across 17 services, 6-14 timeline events
from mixed sources, contributing factors drawn from 40 recurring themes (the
same theme reads slightly differently from one incident to the next) plus
one-off factors, 5-Whys chains, and action items that are done, dropped or
still open (some overdue).

Size: about 4.4 KB per retrospective as `json.dumps(to_document(r))` (5.5-6 KB
on disk, where the store indents). Counts are skewed towards the low end of
their ranges to keep it near that; the fixed structure alone (five phase
records, the timer, empty fields, ids and timestamps) is some 2.8 KB at the
minimum counts before any text, so 3 KB is out of reach.

Ids are drawn from the seeded generator (12 hex digits, like `new_id`), so
they are stable between runs as well.
"""

from __future__ import annotations

import argparse
import random
import sys
import time as clock
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from retrotui.model import (
    ActionCategory,
    ActionItem,
    ActionStatus,
    ContributingFactor,
    Criterion,
    Effect,
    Impact,
    Kind,
    Marker,
    PhaseRecord,
    Retrospective,
    ReviewOutcome,
    Severity,
    Source,
    Stage,
    Status,
    TimelineEvent,
    WhyChain,
)
from retrotui.model.retrospective import default_phases
from retrotui.store import Store

YEARS_BACK = 3
NEAR_MISS_SHARE = 0.15
SEVERITY_WEIGHTS: dict[Severity, int] = {
    Severity.SEV1: 5,
    Severity.SEV2: 20,
    Severity.SEV3: 50,
    Severity.SEV4: 25,
}
TIMEZONES: tuple[str, ...] = (
    "Europe/Berlin",
    "Europe/Berlin",
    "Europe/London",
    "America/New_York",
    "America/Los_Angeles",
    "Asia/Tokyo",
    "Australia/Sydney",
    "UTC",
)
TAGS: tuple[str, ...] = (
    "deploy",
    "config",
    "database",
    "network",
    "third-party",
    "capacity",
    "security",
    "infrastructure",
    "data",
    "dns",
    "certificates",
    "queue",
    "cache",
    "auth",
    "storage",
)

Line = tuple[Source, str]

# -- who, where, what ------------------------------------------------------


@dataclass(frozen=True)
class Service:
    name: str
    key: str  # ticket prefix
    op: str  # what users do with it
    db: str
    dep: str  # what it calls
    metric: str


SERVICES: tuple[Service, ...] = (
    Service(
        "payments",
        "PAY",
        "card auth",
        "payments-db",
        "the card processor",
        "card auth latency",
    ),
    Service(
        "checkout",
        "CHK",
        "checkout",
        "orders-db",
        "the pricing service",
        "checkout success rate",
    ),
    Service(
        "search", "SRCH", "search queries", "search-index", "the indexer", "index lag"
    ),
    Service(
        "auth", "IAM", "login", "identity-db", "the session store", "login success rate"
    ),
    Service(
        "billing",
        "BIL",
        "invoice generation",
        "billing-db",
        "the tax API",
        "invoice job duration",
    ),
    Service(
        "ledger",
        "LED",
        "balance updates",
        "ledger-db",
        "the payments API",
        "posting lag",
    ),
    Service(
        "notifications",
        "NOT",
        "push delivery",
        "notify-db",
        "the push gateway",
        "push delivery rate",
    ),
    Service(
        "email",
        "MAIL",
        "transactional email",
        "mail-queue",
        "the SMTP relay",
        "mail queue age",
    ),
    Service(
        "inventory",
        "INV",
        "stock reservations",
        "inventory-db",
        "the warehouse API",
        "reservation errors",
    ),
    Service(
        "shipping",
        "SHP",
        "label creation",
        "shipping-db",
        "the carrier API",
        "label latency",
    ),
    Service(
        "catalog",
        "CAT",
        "product pages",
        "catalog-db",
        "the media CDN",
        "page render time",
    ),
    Service(
        "api-gateway",
        "GW",
        "API requests",
        "gateway-config",
        "the auth service",
        "gateway 5xx rate",
    ),
    Service(
        "mobile-api",
        "MOB",
        "app sync",
        "sync-db",
        "the profile service",
        "sync error rate",
    ),
    Service(
        "reporting",
        "REP",
        "dashboard exports",
        "warehouse",
        "the query engine",
        "export queue depth",
    ),
    Service(
        "webhooks",
        "HOOK",
        "webhook delivery",
        "hooks-db",
        "the delivery workers",
        "delivery lag",
    ),
    Service(
        "recommendations",
        "REC",
        "recommendation widgets",
        "features-db",
        "the model server",
        "widget fill rate",
    ),
    Service(
        "media",
        "MED",
        "image uploads",
        "media-meta-db",
        "object storage",
        "upload error rate",
    ),
)
REGIONS: tuple[str, ...] = (
    "eu-west-1",
    "eu-central-1",
    "us-east-1",
    "us-west-2",
    "ap-southeast-2",
)
VENDORS: tuple[str, ...] = (
    "the SMS provider",
    "the CDN provider",
    "the DNS provider",
    "the email provider",
    "the geocoding API",
    "the fraud-scoring API",
    "the identity-verification vendor",
    "the cloud provider's load balancer",
)
CONFIGS: tuple[tuple[str, str, str], ...] = (
    ("http.client.timeout_ms", "2000", "200"),
    ("db.pool.max_size", "50", "10"),
    ("retry.max_attempts", "3", "10"),
    ("cache.ttl_seconds", "300", "5"),
    ("rate_limit.per_ip", "600", "60"),
    ("worker.concurrency", "16", "64"),
    ("upstream.keepalive", "true", "false"),
    ("tls.min_version", "1.2", "1.3"),
)
FLAGS: tuple[str, ...] = (
    "new-pricing-engine",
    "async-receipts",
    "batch-writes",
    "v2-serializer",
    "smart-retries",
    "edge-caching",
    "streaming-export",
)
EVENTS: tuple[str, ...] = (
    "the newsletter send",
    "a TV campaign",
    "the end-of-month billing run",
    "a flash sale",
    "the Monday morning peak",
    "a partner's bulk import",
    "the holiday sale",
)
JOBS: tuple[str, ...] = (
    "reindex",
    "ledger reconciliation",
    "data export",
    "cleanup",
    "backfill",
)
TABLES: tuple[str, ...] = (
    "orders",
    "accounts",
    "line_items",
    "sessions",
    "events",
    "invoices",
)
RECORDS: tuple[str, ...] = (
    "orders",
    "invoices",
    "notifications",
    "ledger entries",
    "bookings",
)
FIRST_NAMES: tuple[str, ...] = (
    "Ana",
    "Marco",
    "Priya",
    "Lena",
    "Tomás",
    "Jun",
    "Sam",
    "Noor",
    "Kofi",
    "Ines",
    "Yuki",
    "Ravi",
    "Elena",
    "Omar",
    "Chen",
    "Dara",
    "Bo",
    "Fatima",
    "Lukas",
    "Maya",
    "Sven",
    "Aisha",
    "Pablo",
    "Hana",
    "Igor",
    "Zoe",
    "Mateo",
    "Leila",
    "Arjun",
    "Nina",
    "Felix",
    "Mei",
    "Jonas",
    "Sofia",
    "Kenji",
    "Amara",
)
ROLES: tuple[str, ...] = (
    "SRE",
    "platform",
    "support",
    "eng manager",
    "security",
    "data",
    "networking",
    "product",
)
# Tags a service's incidents pick up besides their scenario's.
SERVICE_TAGS: dict[str, tuple[str, ...]] = {
    "payments": ("third-party", "database", "security"),
    "checkout": ("database", "third-party"),
    "search": ("data", "storage"),
    "auth": ("security", "auth", "cache"),
    "billing": ("data", "third-party"),
    "ledger": ("database", "data"),
    "notifications": ("queue", "third-party"),
    "email": ("queue", "third-party", "dns"),
    "inventory": ("database", "queue"),
    "shipping": ("third-party", "network"),
    "catalog": ("cache", "storage"),
    "api-gateway": ("network", "auth", "dns"),
    "mobile-api": ("auth", "cache"),
    "reporting": ("data", "storage"),
    "webhooks": ("queue", "network"),
    "recommendations": ("data", "cache"),
    "media": ("storage", "third-party"),
}
WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")

# -- scenarios -------------------------------------------------------------


@dataclass(frozen=True)
class Scenario:
    tags: tuple[str, ...]
    titles: tuple[str, ...]
    what: tuple[str, ...]  # the summary's first sentence
    how: tuple[str, ...]  # the summary's last sentence
    trigger: tuple[Line, ...]
    follow: tuple[Line, ...]
    signals: tuple[Line, ...]
    detect: tuple[Line, ...]
    probe: tuple[Line, ...]
    mitigate: tuple[Line, ...]
    resolve: tuple[Line, ...]
    problem: str
    whys: tuple[str, ...]
    themes: tuple[str, ...]
    actions: tuple[tuple[ActionCategory, str], ...]


A, D, C, U, P, N = (  # P: paging (on-call)
    Source.ALERT,
    Source.DEPLOY,
    Source.CHAT,
    Source.CUSTOMER,
    Source.ON_CALL,
    Source.NOTE,
)
IMM, DET, PRO, SYS = (
    ActionCategory.IMMEDIATE,
    ActionCategory.DETECTION,
    ActionCategory.PROCESS,
    ActionCategory.SYSTEMIC,
)

SCENARIOS: tuple[Scenario, ...] = (
    Scenario(
        tags=("config", "deploy"),
        titles=(
            "{svc}: {op} timeouts after config push",
            "{svc}: elevated {op} errors after {cfg} change",
            "{svc}: {op} failures following a config rollout",
        ),
        what=(
            "A config push changed {cfg} from {old} to {new} on {svc}, and {op} started timing out under normal load.",
            "After {cfg} went from {old} to {new} in production, {svc} could no longer complete {op} within its deadline.",
        ),
        how=(
            "Reverting the config restored service after {dur} minutes.",
            "The previous config was pushed again and {op} recovered within minutes.",
        ),
        trigger=(
            (D, "Config push {change} to {svc} production: {cfg} {old} -> {new}"),
            (D, "Config change {change} applied to all {svc} regions"),
        ),
        follow=((D, "Config push {change} reported success on {pods} pods"),),
        signals=((A, "Warning: {svc} p99 latency above {lat} ms"),),
        detect=(
            (A, "{svc} error rate above {pct}% for 5 min"),
            (A, "SLO burn-rate alert: {op} availability"),
        ),
        probe=(
            (C, "Latency graph steps up at the minute the config push finished"),
            (N, "Diff of config {change} shows {cfg} changed from {old} to {new}"),
        ),
        mitigate=(
            (D, "Config push {change} reverted"),
            (D, "Previous config re-applied to {svc}"),
        ),
        resolve=((A, "{svc} error rate back to baseline for 15 min"),),
        problem="{op} timed out for {dur} minutes",
        whys=(
            "The {cfg} value was lowered from {old} to {new}",
            "The config change was pushed to every region at once",
            "Config pushes go straight to production without a staged rollout",
        ),
        themes=(
            "c_validate",
            "c_review",
            "c_drift",
            "d_canary",
            "a_threshold",
            "d_rollback_fast",
        ),
        actions=(
            (IMM, "Restore {cfg} to {old} and pin it in the {svc} config repo"),
            (SYS, "Validate {svc} config against a schema with ranges before push"),
            (PRO, "Roll config pushes out region by region with a 10 min bake"),
        ),
    ),
    Scenario(
        tags=("deploy",),
        titles=(
            "{svc}: 5xx after deploy of {version}",
            "{svc}: {op} broken by release {version}",
            "{svc}: partial outage after {version} rollout",
        ),
        what=(
            "Release {version} of {svc} changed how {op} handled a rare input, and requests with it returned 5xx.",
            "The {version} deploy of {svc} shipped a code path that threw on older records, breaking {op} for part of the traffic.",
        ),
        how=(
            "A rollback to {prev} ended the errors after {dur} minutes.",
            "Rolling back to {prev} stopped the errors; a fix shipped the next day.",
        ),
        trigger=(
            (
                D,
                "Deploy of {svc} {version} to production started (pipeline #{pipeline})",
            ),
        ),
        follow=((D, "Deploy of {svc} {version} completed on all {pods} pods"),),
        signals=((A, "Warning: {svc} 5xx above 1%"),),
        detect=(
            (A, "API 5xx above {pct}% for 5 min ({svc})"),
            (A, "Canary-free rollout: {svc} error budget burn alert"),
        ),
        probe=(
            (C, "Errors start at the minute the deploy finished"),
            (N, "Stack traces point at the new {op} handler in {version}"),
        ),
        mitigate=(
            (D, "Rollback to {prev} started"),
            (D, "Rollback to {prev} completed"),
        ),
        resolve=((A, "API 5xx back to baseline for 10 min"),),
        problem="{op} returned 5xx for {dur} minutes",
        whys=(
            "The new {op} code path threw on records written before {prev}",
            "Tests use fixtures created with the current schema only",
            "There is no shared set of production-like fixtures for {svc}",
        ),
        themes=(
            "d_canary",
            "t_fixtures",
            "d_rollback_fast",
            "d_peak",
            "t_load",
            "a_threshold",
        ),
        actions=(
            (
                IMM,
                "Fix the {op} handler for pre-{prev} records and add a regression test",
            ),
            (SYS, "Add a canary stage to the {svc} pipeline"),
            (PRO, "Build an anonymised production fixture set for {svc} tests"),
        ),
    ),
    Scenario(
        tags=("database", "capacity"),
        titles=(
            "{svc}: connection pool exhaustion on {db}",
            "{svc}: {op} stalled by {db} connection limits",
        ),
        what=(
            "A new query on {svc} ran without a timeout and held {db} connections until the pool was exhausted.",
            "Under {event} load, slow queries held every connection in the {db} pool and {op} queued until it timed out.",
        ),
        how=(
            "Killing the long-running queries and adding a statement timeout restored {op}.",
            "A rollback and a pool restart brought {op} back after {dur} minutes.",
        ),
        trigger=(
            (D, "Deploy of {svc} {version} with the new saved-items query"),
            (N, "Traffic from {event} begins"),
        ),
        follow=((A, "Warning: {db} active connections at 80%"),),
        signals=((A, "Connection pool saturation 100% on {db}"),),
        detect=(
            (A, "{svc} request latency p99 above {lat} ms"),
            (U, "Support ticket #{ticket}: {op} spins forever"),
        ),
        probe=(
            (C, "pg_stat_activity shows {pool} queries waiting on the same plan"),
            (N, "Slow query log: one statement at {lat} ms average"),
        ),
        mitigate=(
            (N, "Long-running queries terminated on {db}"),
            (D, "Statement timeout of 2 s set for the {svc} role"),
        ),
        resolve=((A, "{db} connections back under 40%"),),
        problem="{op} requests hung for {dur} minutes",
        whys=(
            "The {db} connection pool was exhausted",
            "A new query ran without a statement timeout and held connections",
            "Database-touching changes have no performance review step",
        ),
        themes=(
            "cap_pool",
            "dep_timeout",
            "t_staging",
            "m_dashboard",
            "cap_headroom",
            "r_outdated",
        ),
        actions=(
            (IMM, "Add a 2 s statement timeout to the {svc} database role"),
            (PRO, "Require a query-plan review for PRs touching {db}"),
            (SYS, "Isolate connection pools per route in {svc}"),
        ),
    ),
    Scenario(
        tags=("database", "deploy"),
        titles=(
            "{svc}: schema migration locked the {table} table",
            "{svc}: writes blocked during {table} migration",
        ),
        what=(
            "A schema migration on {db} took an exclusive lock on {table}, and every write to it queued behind the lock.",
            "Adding an index to {table} on {db} blocked writes for the whole build because the migration did not run concurrently.",
        ),
        how=(
            "Cancelling the migration released the lock; it was re-run concurrently that night.",
            "The migration was cancelled after {dur} minutes and rescheduled with an online tool.",
        ),
        trigger=((D, "Migration {change} on {db} started: ALTER TABLE {table}"),),
        follow=((D, "Migration {change} still running after 3 min"),),
        signals=((A, "Lock wait time above 10 s on {db}"),),
        detect=(
            (A, "{svc} write errors above {pct}%"),
            (U, "Support ticket #{ticket}: cannot save changes"),
        ),
        probe=(
            (C, "Lock graph shows every writer waiting on the migration"),
            (N, "{table} has {rows} million rows; the index build is at 30%"),
        ),
        mitigate=((N, "Migration {change} cancelled; lock released"),),
        resolve=((A, "{svc} write latency back to baseline"),),
        problem="Writes to {table} were blocked for {dur} minutes",
        whys=(
            "The migration held an exclusive lock on {table}",
            "The index was built without the concurrent option",
            "The migration linter does not check lock levels",
        ),
        themes=("t_staging", "d_peak", "r_missing", "ac_prod", "p_ic_late", "c_review"),
        actions=(
            (SYS, "Lint migrations for exclusive locks on large tables"),
            (PRO, "Run large-table migrations in the low-traffic window"),
            (DET, "Alert on lock wait time above 5 s on {db}"),
        ),
    ),
    Scenario(
        tags=("certificates", "security"),
        titles=(
            "{svc}: TLS certificate expired on {host}",
            "{svc}: handshake failures after certificate expiry",
        ),
        what=(
            "The TLS certificate for {host} expired, and clients of {svc} failed their handshakes.",
            "An internal certificate used by {svc} to reach {dep} expired overnight and every call to it failed.",
        ),
        how=(
            "A new certificate was issued by hand and rolled out after {dur} minutes.",
            "The certificate was renewed manually and the pods restarted to load it.",
        ),
        trigger=((N, "Certificate for {host} expires at 00:00 UTC"),),
        follow=((A, "Warning: TLS handshake errors on {host}"),),
        signals=((C, '#{svc}: "seeing x509 errors in the logs, anyone else?"'),),
        detect=(
            (A, "{svc} error rate above {pct}% for 5 min"),
            (U, "Support ticket #{ticket}: app says connection not secure"),
        ),
        probe=(
            (C, "openssl shows notAfter in the past for {host}"),
            (N, "Auto-renewal job last succeeded 94 days ago"),
        ),
        mitigate=((D, "New certificate for {host} deployed"),),
        resolve=((A, "Handshake errors back to zero on {host}"),),
        problem="Clients could not connect to {host} for {dur} minutes",
        whys=(
            "The certificate for {host} expired",
            "The auto-renewal job had been failing silently for weeks",
            "Nothing alerts on renewal job failures or on certificate age",
        ),
        themes=(
            "m_synthetic",
            "r_missing",
            "ac_breakglass",
            "a_routing",
            "r_owner",
            "m_no_slo",
        ),
        actions=(
            (DET, "Alert when any certificate is within 14 days of expiry"),
            (IMM, "Fix the renewal job for {host} and alert on its failures"),
            (SYS, "Move internal certificates to the managed issuer"),
        ),
    ),
    Scenario(
        tags=("dns", "network"),
        titles=(
            "{svc}: DNS resolution failures in {region}",
            "{svc}: intermittent NXDOMAIN for {dep}",
        ),
        what=(
            "A DNS change left a stale record for {dep} in {region}, and {svc} resolved it to an address that no longer served traffic.",
            "Resolvers in {region} hit their query limit, and {svc} lookups of {dep} failed intermittently.",
        ),
        how=(
            "The record was corrected and caches flushed after {dur} minutes.",
            "Traffic moved to another region while the resolvers were scaled up.",
        ),
        trigger=(
            (D, "DNS change {change} applied to the internal zone"),
            (N, "Resolver fleet in {region} at query limit"),
        ),
        follow=((A, "Warning: SERVFAIL rate up on {region} resolvers"),),
        signals=((C, '#{svc}: "lookups for {dep} flapping"'),),
        detect=((A, "{svc} upstream errors above {pct}% in {region}"),),
        probe=(
            (C, "dig from two pods returns different answers for {dep}"),
            (N, "TTL on the old record is 3600 s"),
        ),
        mitigate=(
            (D, "DNS change {change} reverted"),
            (N, "{region} traffic drained to another region"),
        ),
        resolve=((A, "Resolution errors back to zero in {region}"),),
        problem="{svc} could not reach {dep} in {region} for {dur} minutes",
        whys=(
            "Lookups returned a stale address for {dep}",
            "The old record had a one-hour TTL",
            "DNS changes have no checklist for lowering TTLs first",
        ),
        themes=(
            "c_review",
            "m_dashboard",
            "r_missing",
            "dep_breaker",
            "p_handover",
            "cap_headroom",
        ),
        actions=(
            (IMM, "Lower TTLs on internal records for {dep} to 300 s"),
            (PRO, "Add a pre-change TTL step to the DNS change checklist"),
            (DET, "Alert on SERVFAIL rate per resolver"),
        ),
    ),
    Scenario(
        tags=("third-party",),
        titles=(
            "{svc}: {vendor} outage degraded {op}",
            "{svc}: {op} failing while {vendor} was down",
        ),
        what=(
            "{Vendor} had a partial outage, and {svc} kept retrying until its own workers were saturated.",
            "Requests from {svc} to {vendor} started failing, and {op} had no fallback for the failure.",
        ),
        how=(
            "The feature was switched off until {vendor} recovered, {dur} minutes in.",
            "{Vendor} recovered on their side; {svc} drained its retry backlog afterwards.",
        ),
        trigger=((N, "{Vendor} begins returning errors"),),
        follow=((A, "Warning: {svc} outbound error rate rising"),),
        signals=((U, "Support ticket #{ticket}: {op} not working"),),
        detect=(
            (A, "{svc} worker saturation above 90%"),
            (U, "Support ticket #{ticket2}: several customers report {op} failing"),
        ),
        probe=(
            (C, "{Vendor}'s status page shows all green"),
            (P, "Vendor support case opened with {vendor}"),
        ),
        mitigate=((D, "Feature flag disabling the {vendor} path turned on"),),
        resolve=((N, "{Vendor} confirms recovery; backlog drained"),),
        problem="{op} failed for {dur} minutes",
        whys=(
            "{Vendor} returned errors for most requests",
            "{svc} retried without backoff and saturated its workers",
            "There is no standard client with backoff for third-party calls",
        ),
        themes=(
            "dep_breaker",
            "dep_status",
            "dep_fallback",
            "dep_timeout",
            "p_status",
            "r_outdated",
        ),
        actions=(
            (IMM, "Add exponential backoff to {svc} calls to {vendor}"),
            (SYS, "Wrap third-party calls in a shared client with a circuit breaker"),
            (DET, "Alert on {vendor} error rate, independent of their status page"),
        ),
    ),
    Scenario(
        tags=("capacity",),
        titles=(
            "{svc}: latency spike during {event}",
            "{svc}: {op} slow under {event} traffic",
            "{svc}: capacity shortfall during {event}",
        ),
        what=(
            "Traffic from {event} reached {mult}x the usual peak, and {svc} ran out of headroom.",
            "During {event}, {svc} scaled too slowly and {op} queued for minutes.",
        ),
        how=(
            "Capacity was added by hand and the queue drained after {dur} minutes.",
            "Shedding low-priority traffic brought latency back while new nodes came up.",
        ),
        trigger=((N, "Traffic from {event} begins, {mult}x normal peak"),),
        follow=((A, "Warning: {svc} CPU above 85%"),),
        signals=((A, "Autoscaler at maximum replicas for {svc}"),),
        detect=(
            (A, "{svc} p99 latency above {lat} ms"),
            (C, '#{svc}: "{op} very slow right now"'),
        ),
        probe=(
            (C, "Node pool in {region} has no spare capacity"),
            (N, "Autoscaler took {n} minutes per step"),
        ),
        mitigate=(
            (D, "Node pool raised from {pods} to {pods2} nodes"),
            (N, "Low-priority traffic shed at the gateway"),
        ),
        resolve=((A, "{svc} p99 latency back under target"),),
        problem="{op} was slow for {dur} minutes during {event}",
        whys=(
            "{svc} had no headroom at {mult}x peak",
            "The autoscaler reacts in steps of several minutes",
            "No capacity forecast was made for {event}",
        ),
        themes=(
            "cap_headroom",
            "cap_autoscale",
            "cap_forecast",
            "t_load",
            "m_dashboard",
            "p_ic_early",
        ),
        actions=(
            (IMM, "Raise the {svc} minimum replicas for the next campaign"),
            (PRO, "Add a capacity review to the campaign launch checklist"),
            (SYS, "Load test {svc} at 3x peak every quarter"),
        ),
    ),
    Scenario(
        tags=("infrastructure", "storage"),
        titles=(
            "{svc}: disk full on {host}",
            "{svc}: writes failing after log volume filled",
        ),
        what=(
            "The data volume on {host} filled up, and {svc} could no longer write.",
            "Debug logging left on after an investigation filled the disk of {host} at {mb} MB per minute.",
        ),
        how=(
            "Old files were removed and the volume grown after {dur} minutes.",
            "Logging was turned down and the disk cleaned; {svc} recovered.",
        ),
        trigger=((A, "Disk 92% on {host}"), (D, "Debug logging enabled on {host}")),
        follow=((A, "Disk 97% on {host}"),),
        signals=((A, "{svc} write errors on {host}"),),
        detect=(
            (A, "Disk 100% on {host}"),
            (U, "Support ticket #{ticket}: {op} not saving"),
        ),
        probe=((C, "du shows {gb} GB of logs from the last day"),),
        mitigate=((N, "Old logs removed on {host}; volume at 60%"),),
        resolve=((A, "{svc} write errors back to zero"),),
        problem="{svc} could not write for {dur} minutes",
        whys=(
            "The data volume on {host} was full",
            "Debug logging stayed on after an earlier investigation",
            "Logging levels have no expiry or owner",
        ),
        themes=(
            "m_dashboard",
            "a_noise",
            "r_missing",
            "cap_forecast",
            "r_owner",
            "a_page_fast",
        ),
        actions=(
            (IMM, "Grow the {host} data volume and set log rotation"),
            (SYS, "Make debug log levels expire after 24 hours"),
            (DET, "Page on disk growth rate, not only on disk percentage"),
        ),
    ),
    Scenario(
        tags=("queue", "data"),
        titles=(
            "{svc}: {queue} backlog delayed {op}",
            "{svc}: consumer lag on {queue}",
        ),
        what=(
            "A consumer of {queue} got stuck on a malformed message, and the backlog grew to {backlog} messages.",
            "Consumers of {queue} slowed after a dependency upgrade, and {op} fell {n} minutes behind.",
        ),
        how=(
            "The bad message was moved to a dead-letter queue and the backlog drained in {dur} minutes.",
            "Extra consumers were started and the lag recovered.",
        ),
        trigger=(
            (N, "Malformed message published to {queue}"),
            (D, "Deploy of {svc} consumers {version}"),
        ),
        follow=((A, "Warning: {queue} consumer lag above 1,000"),),
        signals=((C, '#{svc}: "{op} seems delayed"'),),
        detect=(
            (A, "{queue} consumer lag above {backlog}"),
            (U, "Support ticket #{ticket}: {op} hours late"),
        ),
        probe=((C, "One partition not advancing; same offset for 20 min"),),
        mitigate=(
            (N, "Poison message moved to the dead-letter queue"),
            (D, "Consumers scaled from {pods} to {pods2}"),
        ),
        resolve=((A, "{queue} consumer lag back under 100"),),
        problem="{op} was delayed by up to {dur} minutes",
        whys=(
            "A consumer of {queue} retried one malformed message forever",
            "The consumer has no dead-letter queue",
            "The messaging guidelines do not require one",
        ),
        themes=(
            "a_threshold",
            "m_dashboard",
            "r_good",
            "t_integration",
            "a_routing",
            "dep_fallback",
        ),
        actions=(
            (IMM, "Add a dead-letter queue to the {queue} consumer"),
            (DET, "Alert on per-partition lag for {queue}"),
            (SYS, "Validate message schemas at publish time"),
        ),
    ),
    Scenario(
        tags=("cache", "capacity"),
        titles=(
            "{svc}: cache stampede after {cache} failover",
            "{svc}: {db} overloaded by cache misses",
        ),
        what=(
            "A failover of {cache} emptied the cache, and every {svc} request went to {db} at once.",
            "Keys in {cache} were set to expire together, and the misses overloaded {db}.",
        ),
        how=(
            "Traffic was rate-limited while the cache warmed; {op} recovered after {dur} minutes.",
            "The cache was warmed from a snapshot and the load on {db} fell.",
        ),
        trigger=(
            (A, "{cache} primary failed over"),
            (D, "Config push {change}: cache TTL aligned to 300 s"),
        ),
        follow=((A, "Cache hit rate below 20% on {cache}"),),
        signals=((A, "{db} CPU at 100%"),),
        detect=((A, "{svc} p99 latency above {lat} ms"),),
        probe=((C, "Every cache key expired within the same minute"),),
        mitigate=((N, "Rate limit at the gateway lowered to 50%"),),
        resolve=((A, "Cache hit rate back above 90%"),),
        problem="{op} was slow or failing for {dur} minutes",
        whys=(
            "{db} was overloaded by cache misses",
            "The whole cache expired at once",
            "The caching design has no jitter or request coalescing",
        ),
        themes=(
            "cap_headroom",
            "t_load",
            "dep_breaker",
            "r_outdated",
            "m_dashboard",
            "p_ic_early",
        ),
        actions=(
            (IMM, "Add TTL jitter to {cache} keys"),
            (SYS, "Coalesce concurrent misses for the same key in {svc}"),
            (PRO, "Test {cache} failover in the quarterly game day"),
        ),
    ),
    Scenario(
        tags=("config", "deploy"),
        titles=(
            "{svc}: feature flag {flag} enabled for all users",
            "{svc}: {op} errors after {flag} rollout",
        ),
        what=(
            "The flag {flag} went from 1% to 100% in one step, and its code path could not handle the full load.",
            "Turning on {flag} for everyone exposed a bug that the 1% cohort had not hit.",
        ),
        how=(
            "Turning the flag off restored {op} within minutes.",
            "The flag was turned back to 1%, and the fix shipped two days later.",
        ),
        trigger=((D, "Flag {flag} set to 100% for {svc}"),),
        follow=((A, "Warning: {svc} error rate rising"),),
        signals=((U, "Support ticket #{ticket}: {op} broken"),),
        detect=(
            (A, "{svc} error rate above {pct}% for 5 min"),
            (C, '#{svc}: "errors spiked right after the flag change"'),
        ),
        probe=((C, "Errors only on requests with {flag} on"),),
        mitigate=((D, "Flag {flag} set to 0%"),),
        resolve=((A, "{svc} error rate back to baseline"),),
        problem="{op} failed for {dur} minutes",
        whys=(
            "The {flag} code path failed under full load",
            "The flag went from 1% to 100% in one step",
            "The flag tool allows any jump without a ramp policy",
        ),
        themes=(
            "d_canary",
            "c_review",
            "t_load",
            "d_rollback_fast",
            "a_page_fast",
            "p_status",
        ),
        actions=(
            (IMM, "Fix the {flag} code path and add a load test for it"),
            (SYS, "Enforce staged ramps for flags on {svc}"),
            (DET, "Show flag changes as annotations on the {svc} dashboards"),
        ),
    ),
    Scenario(
        tags=("security", "auth"),
        titles=(
            "{svc}: auth failures after credential rotation",
            "{svc}: service account rotation broke {op}",
        ),
        what=(
            "A scheduled rotation replaced the credentials that {svc} uses for {dep}, and the old ones were revoked before every consumer reloaded.",
            "Rotating the {svc} service account revoked a key that {svc2} also used.",
        ),
        how=(
            "The old key was restored for an hour while consumers reloaded, {dur} minutes in.",
            "The new secret was rolled out to every consumer and the old one revoked afterwards.",
        ),
        trigger=((N, "Scheduled credential rotation for the {svc} service account"),),
        follow=((A, "Warning: 401 responses from {dep}"),),
        signals=((C, '#{svc2}: "we\'re getting 401s too"'),),
        detect=((A, "{svc} auth error rate above {pct}%"),),
        probe=((C, "Both {svc} and {svc2} use the same service account"),),
        mitigate=((N, "Previous credential re-enabled for 1 hour"),),
        resolve=((A, "{svc} auth errors back to zero"),),
        problem="{svc} could not authenticate to {dep} for {dur} minutes",
        whys=(
            "The old credential was revoked before consumers reloaded",
            "Rotation revokes immediately with no overlap window",
            "The rotation design assumes one consumer per account",
        ),
        themes=(
            "ac_shared",
            "ac_breakglass",
            "r_missing",
            "c_drift",
            "p_handover",
            "ac_breakglass_good",
        ),
        actions=(
            (IMM, "Give {svc2} its own service account"),
            (SYS, "Rotate with a 24-hour overlap before revoking"),
            (PRO, "List every consumer of a credential before rotating it"),
        ),
    ),
    Scenario(
        tags=("network", "infrastructure"),
        titles=(
            "{svc}: packet loss between {region} zones",
            "{svc}: cross-zone timeouts in {region}",
        ),
        what=(
            "A network change in {region} introduced packet loss between two zones, and {svc} calls across them timed out.",
            "A faulty switch in {region} dropped a few percent of packets, enough to break {op} retries.",
        ),
        how=(
            "Traffic was pinned to the healthy zone and the change rolled back after {dur} minutes.",
            "The cloud provider replaced the faulty hardware; {svc} recovered.",
        ),
        trigger=((N, "Network maintenance in {region} begins"),),
        follow=((A, "Warning: TCP retransmits up in {region}"),),
        signals=((A, "Warning: {svc} timeouts to {dep}"),),
        detect=((A, "{svc} error rate above {pct}% in {region}"),),
        probe=((C, "Loss only between zones a and c"),),
        mitigate=((N, "{svc} traffic pinned to zone a"),),
        resolve=((A, "Packet loss back to zero in {region}"),),
        problem="{op} timed out for {dur} minutes in {region}",
        whys=(
            "Packets were lost between two zones in {region}",
            "Maintenance in {region} was not visible to the {svc} team",
            "Provider maintenance notices go to a mailbox nobody owns",
        ),
        themes=(
            "m_synthetic",
            "dep_status",
            "r_good",
            "p_ic_late",
            "a_routing",
            "cap_headroom",
        ),
        actions=(
            (DET, "Add cross-zone probes with loss alerting in {region}"),
            (PRO, "Route provider maintenance notices to the on-call calendar"),
            (SYS, "Make {svc} zone-aware so it avoids a degraded zone"),
        ),
    ),
    Scenario(
        tags=("data", "database"),
        titles=(
            "{svc}: duplicate {records} written by retry loop",
            "{svc}: {records} double-processed after a timeout",
        ),
        what=(
            "A timeout between {svc} and {db} made clients retry writes that had succeeded, and {k} {records} were written twice.",
            "A retry in {svc} was not idempotent, so {k} {records} were processed twice.",
        ),
        how=(
            "Retries were disabled and the duplicates cleaned up over {dur} minutes.",
            "The duplicates were found with a one-off query and reversed.",
        ),
        trigger=((D, "Deploy of {svc} {version} with a lower client timeout"),),
        follow=((A, "Warning: {db} write latency above 500 ms"),),
        signals=((U, "Support ticket #{ticket}: customer charged twice"),),
        detect=(
            (U, "Support ticket #{ticket2}: duplicate {records} reported"),
            (A, "Reconciliation mismatch in {svc}"),
        ),
        probe=((C, "Same request id appears twice in {table}"),),
        mitigate=((D, "Retries disabled for {svc} writes"),),
        resolve=((N, "Duplicates reversed; reconciliation clean"),),
        problem="{k} {records} were written twice",
        whys=(
            "Writes were retried after a client timeout although they had succeeded",
            "The write endpoint has no idempotency key",
            "The API guidelines do not require idempotent writes",
        ),
        themes=(
            "t_integration",
            "dep_timeout",
            "m_no_slo",
            "p_status",
            "a_routing",
            "ac_prod",
        ),
        actions=(
            (IMM, "Add an idempotency key to the {svc} write endpoint"),
            (DET, "Run the {records} reconciliation hourly, not daily"),
            (SYS, "Require idempotent writes in the API guidelines"),
        ),
    ),
    Scenario(
        tags=("deploy", "capacity"),
        titles=(
            "{svc}: OOM restarts after {version}",
            "{svc}: memory leak in {version} caused restarts",
        ),
        what=(
            "Release {version} of {svc} leaked memory on every {op} call, and pods restarted every {n} minutes.",
            "A new buffer in {version} grew without bound, and {svc} pods ran out of memory under load.",
        ),
        how=(
            "A rollback to {prev} stopped the restarts after {dur} minutes.",
            "Memory limits were raised as a stopgap, then {version} was rolled back.",
        ),
        trigger=((D, "Deploy of {svc} {version} completed"),),
        follow=((A, "Warning: {svc} memory above 80%"),),
        signals=((A, "{svc} pod restarts: {pods} in 10 min"),),
        detect=(
            (A, "{svc} availability below SLO"),
            (C, '#{svc}: "pods keep restarting"'),
        ),
        probe=((C, "Heap profile shows the response cache growing"),),
        mitigate=((D, "Rollback to {prev} completed"),),
        resolve=((A, "{svc} restarts back to zero for 30 min"),),
        problem="{svc} pods restarted repeatedly for {dur} minutes",
        whys=(
            "Pods ran out of memory",
            "A cache added in {version} had no size limit",
            "Soak tests are not part of the release pipeline",
        ),
        themes=(
            "t_load",
            "d_rollback_slow",
            "m_dashboard",
            "d_canary",
            "a_threshold",
            "d_rollback_fast",
        ),
        actions=(
            (IMM, "Bound the response cache in {svc}"),
            (SYS, "Add a 2-hour soak test to the {svc} pipeline"),
            (DET, "Alert on restart rate per deployment"),
        ),
    ),
    Scenario(
        tags=("data", "capacity"),
        titles=(
            "{svc}: nightly {job} job overran into peak",
            "{svc}: {job} job slowed {op}",
        ),
        what=(
            "The nightly {job} job ran {n} hours longer than usual and competed with morning traffic on {db}.",
            "Data growth made the {job} job overrun, and it held locks that slowed {op}.",
        ),
        how=(
            "The job was paused and resumed after the peak, {dur} minutes later.",
            "The job was killed and re-run in smaller batches that night.",
        ),
        trigger=((N, "Nightly {job} job started"),),
        follow=((A, "Warning: {job} job past its usual finish time"),),
        signals=((A, "{db} IO wait above 40%"),),
        detect=(
            (A, "{svc} p99 latency above {lat} ms"),
            (U, "Support ticket #{ticket}: {op} slow this morning"),
        ),
        probe=((C, "The {job} job is still running and holds row locks"),),
        mitigate=((N, "{job} job paused"),),
        resolve=((A, "{svc} latency back to baseline"),),
        problem="{op} was slow for {dur} minutes in the morning peak",
        whys=(
            "The {job} job overran into the morning peak",
            "The job's runtime grows with the data and had doubled this year",
            "Batch jobs have no runtime budget or owner review",
        ),
        themes=(
            "cap_forecast",
            "r_owner",
            "m_dashboard",
            "a_noise",
            "cap_headroom",
            "r_good",
        ),
        actions=(
            (IMM, "Batch the {job} job in chunks of 10,000 rows"),
            (DET, "Alert when the {job} job runs past its window"),
            (PRO, "Review batch job runtimes in the monthly ops review"),
        ),
    ),
)

# -- contributing factor themes ---------------------------------------------


@dataclass(frozen=True)
class Theme:
    category: str
    stage: Stage
    effect: Effect
    wordings: tuple[str, ...]
    action: tuple[ActionCategory, str]


W, B = Effect.WORSE, Effect.BETTER
CAUSE, DETECT, RESPOND, RESOLVE = (
    Stage.CAUSE,
    Stage.DETECTION,
    Stage.RESPONSE,
    Stage.RESOLUTION,
)

THEMES: dict[str, Theme] = {
    # monitoring
    "m_dashboard": Theme(
        "monitoring",
        DETECT,
        W,
        (
            "The {svc} dashboard had no panel for {metric}",
            "{Metric} was not on any dashboard the on-call rotation uses",
            "No dashboard showed {metric}, so the first minutes went on finding the signal",
        ),
        (DET, "Add {metric} to the {svc} overview dashboard"),
    ),
    "m_no_slo": Theme(
        "monitoring",
        DETECT,
        W,
        (
            "No SLO covers {op}, so nothing measured the user-facing failure",
            "{op} has no SLO; the health check stayed green throughout",
            "Only host metrics were monitored for {svc}, not {op} success",
        ),
        (DET, "Define an SLO for {op} with a burn-rate alert"),
    ),
    "m_synthetic": Theme(
        "monitoring",
        DETECT,
        W,
        (
            "Synthetic checks only probe the health endpoint, not {op}",
            "The synthetic probe for {svc} exercises a path that stayed healthy",
            "No synthetic check covers {op} end to end",
        ),
        (DET, "Add an end-to-end synthetic check for {op}"),
    ),
    "m_tracing": Theme(
        "monitoring",
        RESPOND,
        B,
        (
            "Tracing showed the slow span to {dep} within minutes",
            "Distributed traces pointed straight at {dep}",
            "Request traces made the failing call to {dep} obvious",
        ),
        (PRO, "Share the {svc} tracing walkthrough with the on-call rotation"),
    ),
    # alerting
    "a_threshold": Theme(
        "alerting",
        DETECT,
        W,
        (
            "The {svc} error alert needs {n} minutes above {pct}% before paging",
            "Alert thresholds for {svc} were tuned for a quieter year and fired late",
            "The paging threshold on {svc} errors is high enough to stay quiet through a partial outage",
        ),
        (DET, "Page on {svc} error-budget burn rate instead of a fixed threshold"),
    ),
    "a_noise": Theme(
        "alerting",
        DETECT,
        W,
        (
            "The alert channel gets about {noise} alerts a day, so the first warning blended in",
            "Warnings for {svc} fire so often that they are routinely muted",
            "A noisy warning on {svc} had been firing for weeks, so the real one looked like more of the same",
        ),
        (PRO, "Review and prune {svc} warnings that nobody acts on"),
    ),
    "a_routing": Theme(
        "alerting",
        DETECT,
        W,
        (
            "The alert went to the {svc} team channel instead of paging",
            "The warning was routed to a channel with no one watching at night",
            "Alert routing for {svc} still pointed at the team that owned it last year",
        ),
        (DET, "Route {svc} critical alerts to the pager, warnings to the channel"),
    ),
    "a_page_fast": Theme(
        "alerting",
        DETECT,
        B,
        (
            "The page reached on-call within a minute of the alert",
            "Paging worked quickly: acknowledged {n} minutes after the first alert",
            "The burn-rate alert paged before customers noticed",
        ),
        (PRO, "Document the {svc} burn-rate alert as the template for other services"),
    ),
    # deploy
    "d_canary": Theme(
        "deploy",
        CAUSE,
        W,
        (
            "The change went to all {pods} pods at once; {svc} has no canary stage",
            "{svc} deploys have no canary, so every user got the change together",
            "There is no progressive rollout for {svc}; the first signal came from full traffic",
        ),
        (SYS, "Add a canary stage with automatic rollback to the {svc} pipeline"),
    ),
    "d_rollback_fast": Theme(
        "deploy",
        RESOLVE,
        B,
        (
            "One-command rollback restored {svc} in {n} minutes",
            "Rollback was quick and well practised on {svc}",
            "The deploy tool's rollback button brought {svc} back within minutes",
        ),
        (PRO, "Keep rollback drills in the {svc} on-call onboarding"),
    ),
    "d_rollback_slow": Theme(
        "deploy",
        RESOLVE,
        W,
        (
            "Rollback needs a full pipeline run of about {n} minutes",
            "{svc} cannot roll back without rebuilding the image, which took {n} minutes",
            "The rollback path rebuilds from scratch, adding {n} minutes to recovery",
        ),
        (SYS, "Keep the last three {svc} images deployable for instant rollback"),
    ),
    "d_peak": Theme(
        "deploy",
        CAUSE,
        W,
        (
            "Deploys are allowed during peak traffic hours",
            "The change shipped at the daily traffic peak",
            "Nothing in the pipeline discourages deploys during peak hours",
        ),
        (PRO, "Warn in the pipeline when a deploy starts in peak hours"),
    ),
    # config
    "c_validate": Theme(
        "config",
        CAUSE,
        W,
        (
            "Config changes to {svc} are not validated against a schema before push",
            "The config system accepted {cfg}={new} although it is far outside safe values",
            "Nothing checks {svc} config values for sane ranges",
        ),
        (SYS, "Validate {svc} config values against ranges before push"),
    ),
    "c_review": Theme(
        "config",
        CAUSE,
        W,
        (
            "Config pushes bypass code review",
            "Changes made through the admin console are not reviewed like code",
            "The change tool allows a single-person push to production",
        ),
        (PRO, "Require a second reviewer for production config pushes"),
    ),
    "c_drift": Theme(
        "config",
        CAUSE,
        W,
        (
            "Staging and production configs for {svc} had drifted apart",
            "The staging copy of the {svc} config was months behind production",
            "Config drift meant staging could not reproduce the production behaviour",
        ),
        (SYS, "Generate staging and production config for {svc} from one source"),
    ),
    "c_defaults": Theme(
        "config",
        CAUSE,
        W,
        (
            "The client library's default timeout is unlimited",
            "The HTTP client default in {svc} waits forever",
            "Unsafe library defaults for timeouts were never overridden in {svc}",
        ),
        (SYS, "Set safe timeout defaults in the shared client library"),
    ),
    # capacity
    "cap_headroom": Theme(
        "capacity",
        CAUSE,
        W,
        (
            "{svc} ran at {pct2}% of capacity with no headroom for peaks",
            "Capacity for {svc} was sized for average load, not peaks",
            "{svc} had no spare capacity to absorb the extra load",
        ),
        (SYS, "Keep 40% headroom for {svc} and review it monthly"),
    ),
    "cap_autoscale": Theme(
        "capacity",
        RESPOND,
        W,
        (
            "Autoscaling reacts after {n} minutes, too slow for the spike",
            "The {svc} autoscaler scales one step at a time",
            "Scale-up for {svc} is limited by a max replica count set long ago",
        ),
        (SYS, "Tune the {svc} autoscaler for faster scale-up"),
    ),
    "cap_pool": Theme(
        "capacity",
        CAUSE,
        W,
        (
            "The {db} connection pool is shared by all routes",
            "One slow route in {svc} can take every connection in the {db} pool",
            "Pool limits on {db} are global, so one endpoint starved the rest",
        ),
        (SYS, "Split the {db} connection pool per route"),
    ),
    "cap_forecast": Theme(
        "capacity",
        CAUSE,
        W,
        (
            "No capacity forecast existed for {event}",
            "Growth in {svc} data was not tracked against limits",
            "Capacity planning for {svc} happens once a year",
        ),
        (PRO, "Add {svc} to the quarterly capacity forecast"),
    ),
    # dependency
    "dep_timeout": Theme(
        "dependency",
        CAUSE,
        W,
        (
            "Calls to {dep} had no timeout",
            "{svc} waited indefinitely on {dep}",
            "The call from {svc} to {dep} used the default timeout of 60 s",
        ),
        (IMM, "Set a 2 s timeout on {svc} calls to {dep}"),
    ),
    "dep_breaker": Theme(
        "dependency",
        CAUSE,
        W,
        (
            "No circuit breaker around {dep}; failures cascaded into {svc}",
            "Failures of {dep} propagated because {svc} kept calling it",
            "{svc} has no way to shed calls to an unhealthy {dep}",
        ),
        (SYS, "Add a circuit breaker around {dep} in {svc}"),
    ),
    "dep_status": Theme(
        "dependency",
        DETECT,
        W,
        (
            "{Vendor}'s status page showed green throughout",
            "The provider's status page lagged the real outage by {n} minutes",
            "External status pages were treated as the source of truth",
        ),
        (DET, "Measure {vendor} health from our side"),
    ),
    "dep_fallback": Theme(
        "dependency",
        RESPOND,
        B,
        (
            "The cached fallback for {dep} kept read paths working",
            "A stale-cache fallback kept most of {op} up",
            "Graceful degradation meant only writes to {svc} failed",
        ),
        (PRO, "Document the {svc} fallback behaviour in the runbook"),
    ),
    # process
    "p_ic_late": Theme(
        "process",
        RESPOND,
        W,
        (
            "No incident commander was named for the first {n} minutes",
            "Several people worked in parallel without coordination for {n} minutes",
            "The incident channel opened late, so early findings were spread across threads",
        ),
        (PRO, "Name an incident commander in the first five minutes of any page"),
    ),
    "p_ic_early": Theme(
        "process",
        RESPOND,
        B,
        (
            "An incident commander was named {n} minutes after the page",
            "The incident channel was open within minutes and roles were clear",
            "Clear roles meant investigation and communication ran in parallel",
        ),
        (PRO, "Keep the incident role cards pinned in #incidents"),
    ),
    "p_handover": Theme(
        "process",
        RESPOND,
        W,
        (
            "The shift handover lost context on the ongoing investigation",
            "Handover notes between time zones were incomplete",
            "The follow-the-sun handover happened mid-incident without a summary",
        ),
        (PRO, "Add an incident handover template to the on-call guide"),
    ),
    "p_status": Theme(
        "process",
        RESPOND,
        W,
        (
            "Status page updates need approval, delaying the first one by {n} minutes",
            "Support had no customer-facing wording ready, so tickets went unanswered",
            "The status page was updated {n} minutes after the impact began",
        ),
        (PRO, "Pre-approve status page templates for common failures"),
    ),
    # testing
    "t_load": Theme(
        "testing",
        CAUSE,
        W,
        (
            "Load tests do not cover {op} at production volume",
            "The {svc} load test runs at a tenth of peak traffic",
            "No load test exercised the new path in {svc}",
        ),
        (SYS, "Run the {svc} load test at peak volume before major releases"),
    ),
    "t_staging": Theme(
        "testing",
        CAUSE,
        W,
        (
            "Staging data is too small to show the slow query plan",
            "The staging copy of {db} has 1% of production rows",
            "Query plans on staging differ from production because of data size",
        ),
        (SYS, "Refresh a production-sized, anonymised {db} copy for staging"),
    ),
    "t_integration": Theme(
        "testing",
        CAUSE,
        W,
        (
            "Integration tests mock {dep}, so the contract change went unseen",
            "Tests for {svc} stub {dep} with fixtures that are years old",
            "No contract test covers the {svc} to {dep} boundary",
        ),
        (SYS, "Add contract tests between {svc} and {dep}"),
    ),
    "t_fixtures": Theme(
        "testing",
        CAUSE,
        W,
        (
            "Test fixtures only contain records in the current format",
            "Older record formats are absent from the {svc} test data",
            "The tests could not see the failure because fixtures are generated fresh",
        ),
        (PRO, "Keep a fixture of every historical record format for {svc}"),
    ),
    # runbook
    "r_missing": Theme(
        "runbook",
        RESPOND,
        W,
        (
            "No runbook covered this failure mode",
            "There was no runbook for {svc} beyond a restart",
            "The recovery steps had to be worked out live",
        ),
        (PRO, "Write a runbook for this failure mode in {svc}"),
    ),
    "r_outdated": Theme(
        "runbook",
        RESPOND,
        W,
        (
            "The runbook for {svc} referred to a dashboard removed last quarter",
            "The {svc} runbook listed commands for the old cluster",
            "Runbook steps for {svc} were out of date and had to be adapted live",
        ),
        (PRO, "Review the {svc} runbook and test it in a game day"),
    ),
    "r_good": Theme(
        "runbook",
        RESOLVE,
        B,
        (
            "The {svc} failover runbook worked as written",
            "Following the runbook step by step kept recovery calm",
            "The runbook had been tested in the last game day and worked",
        ),
        (PRO, "Use the {svc} runbook as a model for other services"),
    ),
    "r_owner": Theme(
        "runbook",
        RESPOND,
        W,
        (
            "Runbooks have no owner, so they are rarely reviewed",
            "Nobody is responsible for keeping the {svc} runbook current",
            "Runbook reviews are not part of any team's routine",
        ),
        (PRO, "Assign an owner and a review date to every {svc} runbook"),
    ),
    # access
    "ac_prod": Theme(
        "access",
        RESPOND,
        W,
        (
            "Only two people hold production access to {db}, and neither was online",
            "Production database access for {svc} is limited to one team in one time zone",
            "Getting read access to {db} took {n} minutes",
        ),
        (PRO, "Grant on-call read-only access to {db}"),
    ),
    "ac_breakglass": Theme(
        "access",
        RESPOND,
        W,
        (
            "Break-glass access took {n} minutes to approve",
            "The break-glass procedure needed a manager who was asleep",
            "Emergency access for {svc} required a ticket during the incident",
        ),
        (PRO, "Let the incident commander approve break-glass access"),
    ),
    "ac_shared": Theme(
        "access",
        CAUSE,
        W,
        (
            "{svc} and {svc2} share one service account, so a rotation broke both",
            "One credential is used by several services with no inventory",
            "Service accounts are shared across teams",
        ),
        (SYS, "Inventory service accounts and split shared ones"),
    ),
    "ac_breakglass_good": Theme(
        "access",
        RESOLVE,
        B,
        (
            "Break-glass access worked in under five minutes",
            "Emergency access to {db} was quick and audited",
            "The new just-in-time access flow gave on-call what it needed at once",
        ),
        (PRO, "Keep the break-glass flow in the on-call onboarding"),
    ),
}

# Factors specific to one incident: numbers make each one read differently.
ONE_OFFS: tuple[tuple[str, Stage, Effect, str], ...] = (
    (
        "code",
        CAUSE,
        W,
        "A retry loop in {svc} had no backoff and multiplied load on {dep} by {mult}x",
    ),
    (
        "code",
        CAUSE,
        W,
        "The {op} handler logged whole request bodies, about {mb} MB a minute",
    ),
    (
        "code",
        CAUSE,
        W,
        "An error path in {svc} swallowed exceptions from {dep} and returned empty results",
    ),
    (
        "communication",
        DETECT,
        W,
        "Support heard from customers {n} minutes before engineering knew",
    ),
    (
        "communication",
        RESPOND,
        W,
        "Two teams investigated the same symptom in separate channels for {n} minutes",
    ),
    (
        "communication",
        RESPOND,
        B,
        "Support kept customers updated every {n} minutes without being asked",
    ),
    (
        "tooling",
        RESPOND,
        W,
        "Log search timed out on queries longer than {n} hours, slowing diagnosis",
    ),
    (
        "tooling",
        RESOLVE,
        W,
        "The deploy tool reported success although {k2} of {pods} pods failed readiness",
    ),
    (
        "tooling",
        RESPOND,
        B,
        "The new incident bot posted the graphs for {svc} into the channel",
    ),
    (
        "communication",
        RESPOND,
        W,
        "The change announcement for {change} went to a list the {svc} team is not on",
    ),
    (
        "tooling",
        DETECT,
        W,
        "Metrics for {svc} are sampled every {n} minutes, which hid the first spike",
    ),
    ("code", CAUSE, W, "A library upgrade in {svc} changed the default for {cfg}"),
    (
        "communication",
        RESPOND,
        B,
        "{svc2} engineers joined within {n} minutes and knew the failure mode",
    ),
    (
        "tooling",
        RESPOND,
        W,
        "The {svc} admin console was behind the same failing gateway",
    ),
    ("code", CAUSE, W, "{svc} treated a {dep} timeout as success and continued"),
)

DEEP_WHYS: tuple[str, ...] = (
    "The review checklist predates the current architecture of {svc}",
    "Ownership of {svc} moved between teams last year and the standards were not handed over",
    "Reliability work for {svc} competed with feature deadlines in planning",
    "There is no automated gate for this kind of change in the pipeline",
    "The team had no budget for the migration to the managed platform",
    "Onboarding for {svc} does not cover its failure modes",
    "The design review process does not ask about failure of dependencies",
    "Capacity planning for {svc} is informal and done once a year",
    "The platform standards leave timeouts and retries to each team",
    "Incident follow-ups for {svc} are not prioritised against roadmap work",
    "No policy says who owns cross-team configuration",
    "The runbook process has no review cadence",
)
SURPRISES: tuple[str, ...] = (
    "It took {detect_min} minutes to connect the first symptoms to {svc}.",
    "Staging had shown the same error for a week; nobody connected it to production.",
    "Rollback took longer than the fix would have.",
    "The dashboards everyone checked first showed nothing unusual.",
    "Three other services depended on {svc} in ways nobody had written down.",
    "The same failure mode had been discussed in a design review a year ago.",
    "The health check stayed green during the whole incident.",
    "Most of the time went to finding the right dashboard, not to fixing.",
    "Customers noticed before any internal signal did.",
    "The fix was a single line, but finding it took {dur} minutes.",
)
LUCKY: tuple[str, ...] = (
    "It happened mid-afternoon with the whole {svc} team online.",
    "Traffic was at its weekly low.",
    "An engineer who had built the original {op} path was in the channel.",
    "The previous release was still cached on every node, so rollback was instant.",
    "The batch run that depends on {svc} was not scheduled that day.",
    "",
    "",
)
CLOSES: tuple[Line, ...] = (
    (N, "Incident closed; retrospective booked for {weekday}"),
    (U, "Status page updated: {op} recovered"),
    (N, "Backlog of {backlog} requests replayed"),
    (C, "Incident commander hands over to the day shift"),
    (N, "Customer support briefed with the final timeline"),
)
SYMPTOMS: tuple[Line, ...] = (
    (C, '#{svc}: "{op} feels slow for me, anyone else?"'),
    (U, "Support ticket #{ticket}: {op} failing for a customer"),
    (U, 'Support ticket #{ticket2}: "{op} keeps spinning"'),
    (C, "Support asks #incidents whether {op} is degraded"),
)
RESPONSES: tuple[Line, ...] = (
    (P, "Primary on-call paged for {svc}"),
    (P, "Primary acknowledged the page"),
    (C, "Incident channel #inc-{svc} opened, incident commander named"),
    (P, "Secondary on-call pulled in for {db}"),
    (U, "Status page updated: {op} degraded"),
)
DROP_REASONS: tuple[str, ...] = (
    "Superseded by the platform-wide change",
    "The service is being retired this quarter",
    "Covered by an action from a later retrospective",
    "Cost outweighs the risk after review",
    "Merged into the {svc} reliability epic",
)


# -- building ------------------------------------------------------------------


class _Ids:
    """Unique 12-hex-digit ids from the seeded generator."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng
        self._seen: set[str] = set()

    def __call__(self) -> str:
        while True:
            value = f"{self._rng.getrandbits(48):012x}"
            if value not in self._seen:
                self._seen.add(value)
                return value


class _Context(dict[str, str]):
    """Placeholders for one retrospective; `{Name}` capitalises `{name}`."""

    def __missing__(self, key: str) -> str:
        lower = key[:1].lower() + key[1:]
        if lower != key and lower in self:
            value = self[lower]
            return value[:1].upper() + value[1:]
        raise KeyError(key)

    def fill(self, template: str) -> str:
        return template.format_map(self)


def _context(rng: random.Random, service: Service, day: date) -> _Context:
    other = rng.choice([s for s in SERVICES if s is not service])
    cfg, old, new = rng.choice(CONFIGS)
    major, minor = rng.randint(1, 9), rng.randint(1, 60)
    pods = rng.choice([6, 8, 12, 16, 24, 32, 48])
    return _Context(
        svc=service.name,
        svc2=other.name,
        op=service.op,
        db=service.db,
        dep=service.dep,
        metric=service.metric,
        host=f"{service.name}-{rng.randint(1, 9)}",
        region=rng.choice(REGIONS),
        vendor=rng.choice(VENDORS),
        version=f"v{major}.{minor}",
        prev=f"v{major}.{minor - 1}",
        pipeline=str(rng.randint(1000, 99999)),
        change=f"CHG-{rng.randint(100, 9999)}",
        pods=str(pods),
        pods2=str(pods * 2),
        pool=str(rng.choice([20, 40, 50, 100])),
        pct=str(rng.choice([1, 2, 5, 5, 10])),
        pct2=str(rng.randint(75, 95)),
        n=str(rng.randint(3, 40)),
        k2=str(rng.randint(1, 4)),
        k=f"{rng.randint(12, 4800):,}",
        lat=str(rng.choice([500, 800, 1000, 2000, 3000])),
        mult=str(rng.randint(2, 6)),
        mb=str(rng.randint(20, 400)),
        gb=str(rng.randint(40, 900)),
        rows=str(rng.randint(20, 900)),
        noise=str(rng.choice([40, 80, 150, 300])),
        cfg=cfg,
        old=old,
        new=new,
        flag=rng.choice(FLAGS),
        queue=f"{service.name}-events",
        cache=f"redis-{service.name}",
        table=rng.choice(TABLES),
        records=rng.choice(RECORDS),
        job=rng.choice(JOBS),
        event=rng.choice(EVENTS),
        backlog=f"{rng.randint(2, 90) * 1000:,}",
        ticket=str(rng.randint(10000, 99999)),
        ticket2=str(rng.randint(10000, 99999)),
        weekday=WEEKDAYS[(day.weekday() + 1) % 5],
    )


def _weighted_severity(rng: random.Random, kind: Kind) -> Severity:
    if kind is Kind.NEAR_MISS:
        return rng.choices([Severity.SEV3, Severity.SEV4], weights=[2, 3])[0]
    return rng.choices(list(SEVERITY_WEIGHTS), weights=list(SEVERITY_WEIGHTS.values()))[
        0
    ]


def _local_start(rng: random.Random, day: date, zone: ZoneInfo) -> datetime:
    # Mostly working hours, with a tail of nights and evenings.
    hour = rng.choices(
        range(24),
        weights=[
            1,
            1,
            1,
            1,
            1,
            1,
            2,
            3,
            6,
            8,
            9,
            9,
            8,
            8,
            9,
            9,
            8,
            6,
            4,
            3,
            2,
            2,
            1,
            1,
        ],
    )[0]
    local = datetime.combine(day, time(hour, rng.randint(0, 59)), tzinfo=zone)
    return local.astimezone(UTC)


@dataclass
class _Timeline:
    events: list[TimelineEvent]
    started: datetime
    detected: datetime | None
    ended: datetime | None
    detect_minutes: int
    duration: int


def _timeline(
    rng: random.Random,
    ids: _Ids,
    scenario: Scenario,
    ctx: _Context,
    started: datetime,
    near_miss: bool,
) -> _Timeline:
    size = rng.choices(range(6, 15), weights=[40, 24, 12, 7, 5, 4, 3, 3, 2])[0]
    # Six events are always there: trigger, detection, one response, one
    # probe, mitigation, resolution. Extra slots go to the optional parts.
    room = {
        "follow": 1,
        "symptoms": 0 if near_miss else 3,
        "response": 2,
        "probe": 1,
        "close": 2,
    }
    extra = dict.fromkeys(room, 0)
    for _ in range(size - 6):
        open_parts = [part for part, cap in room.items() if extra[part] < cap]
        if not open_parts:
            break
        extra[rng.choice(open_parts)] += 1

    lines: list[tuple[int, Line, Marker]] = []
    at = 0

    def add(gap: tuple[int, int], line: Line, marker: Marker = Marker.NONE) -> None:
        nonlocal at
        at += rng.randint(*gap)
        lines.append((at, line, marker))

    lines.append((0, rng.choice(scenario.trigger), Marker.TRIGGER))
    if extra["follow"]:
        add((2, 8), rng.choice(scenario.follow))
    symptoms = [*scenario.signals, *SYMPTOMS]
    for line in rng.sample(symptoms, extra["symptoms"]):
        add((3, 14), line)
    detect_pool = scenario.detect
    if near_miss:
        detect_pool = tuple(x for x in detect_pool if x[0] is not U) or (
            (A, "Canary analysis flagged {svc}"),
        )
    add((2, 45), rng.choice(detect_pool), Marker.DETECTION)
    detect_at = at
    responses = list(RESPONSES[: 1 + extra["response"]])
    if near_miss:
        responses = [r for r in responses if r[0] is not U] or [RESPONSES[0]]
    for line in responses:
        add((1, 6), line)
    for line in rng.sample(
        scenario.probe, min(len(scenario.probe), 1 + extra["probe"])
    ):
        add((4, 18), line)
    add((3, 25), rng.choice(scenario.mitigate), Marker.MITIGATION)
    add((5, 40), rng.choice(scenario.resolve), Marker.RESOLUTION)
    resolve_at = at
    for line in rng.sample(CLOSES, extra["close"]):
        add((10, 90), line)

    missing = rng.random()
    drop = (
        Marker.DETECTION
        if missing < 0.08
        else Marker.RESOLUTION
        if missing < 0.15
        else None
    )
    events = []
    for minute, (source, template), marker in lines:
        events.append(
            TimelineEvent(
                time=started + timedelta(minutes=minute),
                source=source,
                text=ctx.fill(template),
                marker=Marker.NONE if marker is drop else marker,
                id=ids(),
            )
        )
    detected = (
        None if drop is Marker.DETECTION else started + timedelta(minutes=detect_at)
    )
    ended: datetime | None = started + timedelta(minutes=resolve_at)
    if drop is Marker.RESOLUTION and rng.random() < 0.5:
        ended = None
    return _Timeline(events, started, detected, ended, detect_at, resolve_at)


def _people(rng: random.Random, service: Service) -> tuple[list[str], str, list[str]]:
    """Participants ("Priya (payments)"), the facilitator and the first names."""
    names = rng.sample(FIRST_NAMES, rng.randint(3, 7))
    facilitator = (
        f"{names.pop()} ({rng.choice(['SRE', 'SRE', 'eng manager', 'platform'])})"
    )
    teams = [service.name] * rng.randint(1, 2)
    teams += (
        rng.sample(ROLES, len(names) - len(teams)) if len(names) > len(teams) else []
    )
    participants = [
        f"{name} ({team})" for name, team in zip(names, teams, strict=False)
    ]
    return participants, facilitator, names


def _factors(
    rng: random.Random, ids: _Ids, scenario: Scenario, ctx: _Context
) -> tuple[list[ContributingFactor], list[str]]:
    count = rng.choices([2, 3, 4, 5], weights=[14, 6, 2, 1])[0]
    keys = rng.sample(
        scenario.themes, min(count, len(scenario.themes), rng.randint(1, 3))
    )
    while len(keys) < count:
        key = rng.choice(list(THEMES))
        if key not in keys:
            keys.append(key)
    factors = []
    for key in keys:
        theme = THEMES[key]
        factors.append(
            ContributingFactor(
                stage=theme.stage,
                effect=theme.effect,
                category=theme.category,
                text=ctx.fill(rng.choice(theme.wordings)),
                id=ids(),
            )
        )
    if rng.random() < 0.3:
        category, stage, effect, template = rng.choice(ONE_OFFS)
        factors[-1] = ContributingFactor(
            stage=stage,
            effect=effect,
            category=category,
            text=ctx.fill(template),
            id=ids(),
        )
        keys = keys[:-1]
    return factors, keys


def _actions(
    rng: random.Random,
    ids: _Ids,
    scenario: Scenario,
    ctx: _Context,
    themes: list[str],
    people: list[str],
    incident_day: date,
    today: date,
) -> list[ActionItem]:
    count = rng.choices([2, 3, 4, 5], weights=[14, 6, 2, 1])[0]
    wanted = list(scenario.actions[: rng.randint(1, 3)])
    for key in themes:
        if THEMES[key].effect is Effect.WORSE:
            wanted.append(THEMES[key].action)
    # Then the rest of the scenario's, so that `count` is always reached.
    wanted += scenario.actions
    seen: set[str] = set()
    items = []
    for category, template in wanted:
        title = ctx.fill(template)
        if title in seen:
            continue
        seen.add(title)
        due = incident_day + timedelta(
            days=rng.choice([3, 7, 14, 14, 21, 30, 45, 60, 90])
        )
        items.append(
            ActionItem(
                title=title,
                category=category,
                owner="" if rng.random() < 0.06 else rng.choice(people),
                due=due,
                ticket=f"{ctx['key']}-{rng.randint(100, 4999)}"
                if rng.random() < 0.6
                else "",
                id=ids(),
            )
        )
        if len(items) == count:
            break
    for item in items:
        _settle(rng, item, incident_day, today, ctx)
    return items


def _settle(
    rng: random.Random, item: ActionItem, incident_day: date, today: date, ctx: _Context
) -> None:
    """Give an item the status it would have by `today`."""
    assert item.due is not None
    late = (today - item.due).days
    roll = rng.random()
    if late > 90:  # long past due: mostly settled one way or the other
        status = (
            ActionStatus.DONE
            if roll < 0.8
            else ActionStatus.OPEN
            if roll < 0.87
            else ActionStatus.DROPPED
        )
    elif late > 0:
        status = (
            ActionStatus.DONE
            if roll < 0.55
            else ActionStatus.OPEN
            if roll < 0.85
            else ActionStatus.DROPPED
        )
    else:
        status = (
            ActionStatus.DONE
            if roll < 0.2
            else ActionStatus.DROPPED
            if roll < 0.25
            else ActionStatus.OPEN
        )
    if status is ActionStatus.OPEN:
        return
    latest = min(today, item.due + timedelta(days=30))
    span = max((latest - incident_day).days, 1)
    closed = incident_day + timedelta(days=rng.randint(1, span))
    if closed > today:  # an incident from yesterday: nothing closed yet
        return
    item.status = status
    item.closed_on = closed
    if status is ActionStatus.DROPPED:
        item.drop_reason = ctx.fill(rng.choice(DROP_REASONS))


def _impact(
    rng: random.Random,
    ctx: _Context,
    severity: Severity,
    near_miss: bool,
    data_scenario: bool,
    line: _Timeline,
) -> Impact:
    if near_miss:
        return Impact(
            users_affected="None: caught before customers were affected",
            lucky=ctx.fill(rng.choice(LUCKY)) if rng.random() < 0.6 else "",
        )
    scale = {Severity.SEV1: 40, Severity.SEV2: 12, Severity.SEV3: 3, Severity.SEV4: 1}[
        severity
    ]
    users = rng.randint(50, 1500) * scale
    share = min(95, rng.randint(1, 8) * scale // 2 + 1)
    tickets = rng.randint(0, 8) * scale
    impact = Impact(
        users_affected=f"About {users:,} customers saw {ctx['op']} fail ({share}% of requests)",
        # Typed in when the markers cannot give it (no resolution marker).
        duration_minutes=line.duration + rng.randint(0, 30)
        if line.ended is None or rng.random() < 0.05
        else None,
        customer_reports=f"{tickets} support tickets" if tickets else "",
        lucky=ctx.fill(rng.choice(LUCKY)) if rng.random() < 0.45 else "",
    )
    if severity in (Severity.SEV1, Severity.SEV2):
        impact.business_cost = f"Estimated EUR {rng.randint(2, 60) * scale // 2 + 1}k of delayed or lost orders"
        impact.slo_breached = f"{ctx['op'].capitalize()} availability (99.9% monthly): {rng.randint(5, 100)}% of the error budget spent"
    if (data_scenario and rng.random() < 0.5) or rng.random() < 0.01:
        impact.data_lost = True
        impact.data_lost_details = (
            f"{ctx['k']} {ctx['records']} had to be rebuilt from the event log"
        )
    return impact


def _criteria(
    rng: random.Random, near_miss: bool, participants: int
) -> list[Criterion]:
    if rng.random() < 0.08:
        return []
    found = [Criterion.NEAR_MISS] if near_miss else [Criterion.CUSTOMER_IMPACT]
    if participants >= 4 and rng.random() < 0.4:
        found.append(Criterion.CROSS_TEAM)
    if rng.random() < 0.15:
        found.append(Criterion.REPEAT_PATTERN)
    if rng.random() < 0.15:
        found.append(Criterion.NOVEL_FAILURE)
    return found


def _status(rng: random.Random, age_days: int) -> Status:
    if age_days < 14:
        weights = [6, 3, 1]
    elif age_days < 60:
        weights = [3, 3, 4]
    else:
        weights = [1, 2, 7]
    return rng.choices(
        [Status.DRAFT, Status.REVIEWED, Status.PUBLISHED], weights=weights
    )[0]


def _phases(rng: random.Random, status: Status) -> list[PhaseRecord]:
    phases = default_phases()
    if status is Status.DRAFT and rng.random() < 0.7:
        return phases
    for phase in phases:
        if rng.random() < 0.05:
            phase.skipped = True
            continue
        if rng.random() < 0.15:
            phase.extended_s = 300
        phase.spent_s = round(phase.planned_s * rng.uniform(0.6, 1.3), 1)
    return phases


def _review_log(
    rng: random.Random, earlier: Sequence[Retrospective], before: date
) -> list[ReviewOutcome]:
    """Outcomes for a few items of earlier retrospectives, as reviewed then."""
    if not earlier or rng.random() > 0.12:
        return []
    outcomes = []
    for retro in rng.sample(earlier[-50:], min(2, len(earlier[-50:]))):
        if not retro.actions:
            continue
        item = rng.choice(retro.actions)
        status = (
            item.status
            if item.closed_on and item.closed_on <= before
            else ActionStatus.OPEN
        )
        reason = (
            "Still in progress" if status is ActionStatus.OPEN else item.drop_reason
        )
        outcomes.append(
            ReviewOutcome(
                retro_id=retro.id,
                item_id=item.id,
                title=item.title,
                status=status,
                reason=reason,
            )
        )
    return outcomes


def _retro(
    rng: random.Random,
    ids: _Ids,
    started_local: tuple[date, str],
    today: date,
    earlier: Sequence[Retrospective],
) -> Retrospective:
    day, tz_name = started_local
    service = rng.choice(SERVICES)
    scenario = rng.choice(SCENARIOS)
    ctx = _context(rng, service, day)
    ctx["key"] = service.key
    near_miss = rng.random() < NEAR_MISS_SHARE
    kind = Kind.NEAR_MISS if near_miss else Kind.INCIDENT
    severity = _weighted_severity(rng, kind)
    started = _local_start(rng, day, ZoneInfo(tz_name))
    line = _timeline(rng, ids, scenario, ctx, started, near_miss)
    ctx["dur"] = str(line.duration)
    ctx["detect_min"] = str(line.detect_minutes)

    title = ctx.fill(rng.choice(scenario.titles))
    if near_miss:
        caught = rng.choice(
            ["before customers noticed", "early", "before peak", "by a synthetic check"]
        )
        name, _, rest = title.partition(": ")
        title = f"{name} (near miss): {rest}, caught {caught}"
    what = ctx.fill(rng.choice(scenario.what))
    how = ctx.fill(rng.choice(scenario.how))
    middle = (
        "It was caught before customers were affected."
        if near_miss
        else f"Detection took {line.detect_minutes} minutes"
        + (
            ", with the first reports coming from customers."
            if rng.random() < 0.3
            else "."
        )
    )
    participants, facilitator, names = _people(rng, service)
    factors, themes = _factors(rng, ids, scenario, ctx)
    # The scenario's own whys, then (mostly) one or two that reach the
    # organisation; a chain of three that stops early gets the app's hint.
    depth = rng.choices([3, 4, 5], weights=[4, 4, 2])[0]
    own = 3 if depth > 3 else rng.choice([2, 3])
    whys = [ctx.fill(w) for w in scenario.whys[:own]]
    whys += [ctx.fill(w) for w in rng.sample(DEEP_WHYS, depth - own)]

    tags = list(scenario.tags)
    related = SERVICE_TAGS.get(service.name, ())
    for extra in rng.sample(
        related, min(len(related), rng.choices([0, 1, 2], weights=[5, 3, 1])[0])
    ):
        if extra not in tags:
            tags.append(extra)
    age = (today - day).days
    status = _status(rng, age)
    ended = line.ended or line.events[-1].time
    # Written up a few hours to a few days later, never after today.
    limit = datetime.combine(today, time(0), UTC)
    created = ended + timedelta(hours=rng.randint(1, 72), minutes=rng.randint(0, 59))
    if created >= limit:
        created = ended + (limit - ended) / 2
    updated = created + timedelta(
        hours=rng.randint(0, 24 * min(age, 20)), minutes=rng.randint(0, 59)
    )
    if updated >= limit:
        updated = created + (limit - created) / 2

    retro = Retrospective(
        id=ids(),
        title=title,
        kind=kind,
        severity=severity,
        started=line.started,
        detected=line.detected,
        ended=line.ended,
        timezone=tz_name,
        tags=tags,
        criteria=_criteria(rng, near_miss, len(participants)),
        participants=participants,
        facilitator=facilitator if rng.random() < 0.9 else "",
        summary=f"{what} {middle} {how}",
        surprised=ctx.fill(rng.choice(SURPRISES)) if rng.random() < 0.5 else "",
        status=status,
        timeline=line.events,
        impact=_impact(rng, ctx, severity, near_miss, "data" in scenario.tags, line),
        factors=factors,
        why_chains=[WhyChain(problem=ctx.fill(scenario.problem), whys=whys, id=ids())],
        review_log=_review_log(rng, earlier, day),
        phases=_phases(rng, status),
        created=created,
        updated=updated,
    )
    retro.actions = _actions(rng, ids, scenario, ctx, themes, names, day, today)
    for item in retro.actions:
        item.origin = retro.id
    return retro


def build_retros(
    count: int, seed: int = 7, today: date | None = None
) -> list[Retrospective]:
    """`count` realistic retrospectives, oldest incident first; the same
    `seed` and `today` give the same retrospectives (ids included)."""
    today = today or date.today()
    rng = random.Random(seed)
    ids = _Ids(rng)
    span = YEARS_BACK * 365
    # Incident days over the last three years (up to two days ago), a little
    # denser recently.
    days = sorted(
        today - timedelta(days=int(span * rng.random() ** 1.15) + 2)
        for _ in range(count)
    )
    retros: list[Retrospective] = []
    for day in days:
        retros.append(_retro(rng, ids, (day, rng.choice(TIMEZONES)), today, retros))
    return retros


def build_library(folder: Path, count: int, seed: int = 7) -> None:
    """Save `count` generated retrospectives into a new library at `folder`,
    then reopen it once so that the index is compacted."""
    existing = folder / "retros"
    if existing.is_dir() and any(existing.glob("*.json")):
        raise FileExistsError(
            f"{folder} already holds retrospectives; use an empty folder"
        )
    retros = build_retros(count, seed)
    with Store(folder, mode="write") as store:
        for retro in retros:
            store.save(retro, keep_timestamps=True)
    Store(folder, mode="write").close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", metavar="FOLDER", type=Path)
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.count < 1:
        parser.error("--count must be at least 1")
    began = clock.perf_counter()
    try:
        build_library(args.folder, args.count, args.seed)
    except FileExistsError as error:
        print(error, file=sys.stderr)
        return 1
    elapsed = clock.perf_counter() - began
    files = list((args.folder / "retros").glob("*.json"))
    total = sum(path.stat().st_size for path in files)
    print(f"retrospectives: {len(files)}")
    print(f"total bytes:    {total:,} (retros/*.json)")
    print(f"average bytes:  {total / max(len(files), 1):,.0f}")
    print(f"took:           {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
