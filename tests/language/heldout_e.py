"""Held-out sentences (set E) for the blameless-language linter.

Written from the blameless-postmortem method only, without reading the linter
rules or its other tests. A sentence is labelled blame when a blameless
facilitator would ask for it to be rephrased.
"""

PARTICIPANTS = [
    "Mateo (platform)",
    "Elif (DBA)",
    "Sana (SRE)",
    "Tariq (backend)",
    "Noor (support)",
]

HELDOUT_BLAME = [
    "09:14 Mateo pushed the config change straight to prod without a canary.",
    "Elif wiped the replica's data directory because she didn't read the runbook.",
    "The intern broke the matchmaking queue by merging an untested patch.",
    "Honestly, the DBA team should've spotted the missing index in review.",
    "Support sat on the clinic's ticket for three hours before escalating it.",
    "Tariq forgot to reset the cache TTL after the load test.",
    "Root cause: operator error by Camille during the certificate rotation.",
    "Why did nobody on the login team look at the error-rate graph?",
    "Nobody could be bothered to update the runbook after the last migration.",
    "It was a sloppy mistake on Sana's part to run the script against production.",
    "This one is squarely on ops; they let the log volume fill up.",
    "Gus fumbled the handoff to the EU on-call and nothing got escalated.",
    "Who signed off on shipping the schema change on a Friday night?",
    "The reviewer who let this through needs to answer for it.",
    (
        "If Noor had checked the calendar sync logs, clinics would never have "
        "lost their bookings."
    ),
    (
        "Had the on-call engineer acknowledged the first page, the outage would "
        "have lasted ten minutes instead of ninety."
    ),
    "The backend team brushed off the deprecation warnings for months.",
    "Camille never noticed the certificate expiry warning sitting on the dashboard.",
    "Why #3: because Björn didn't bother running the integration suite.",
    "[Slack 02:41] Olga: who merged this without tests?? seriously",
    "[Slack 10:05] Hannah: this is on Reza, he's the one who changed the DNS TTL",
    "The QA team let a broken build slip through to the console storefront.",
    (
        "Tariq carelessly truncated the live appointments table instead of the "
        "staging copy."
    ),
    "Action item: Elif needs to be more careful when running migrations.",
    "Action item: remind Mateo to double-check his configs before deploying.",
    "Sana skipped the staging rollout because she was in a hurry to get home.",
    "Frankly, leaving the admin port open was negligent of the platform team.",
    "Reza botched the failover and made the outage twice as long.",
    "Matchmaking crashed because Olga shipped a build with debug logging left on.",
    "Noor never passed on the SMS provider's email about the maintenance window.",
    "Everyone in the channel saw the warning and not one person acted on it.",
    "The integrations team is to blame for the lost appointment reminders.",
    "Leadership wants consequences for whoever approved the release.",
    "It's on Björn for not testing the patch on console builds.",
    "The DB team had no business running a vacuum during peak booking hours.",
    "Contributing factor: Hannah's failure to follow the rollback checklist.",
    "The table lock was obvious; someone on the team should have spoken up.",
    "The on-call slept through three pages before the secondary was woken up.",
    "Camille deleted the production bucket thinking it was the dev one.",
    "Mateo messed up the load balancer weights during the maintenance window.",
    "Ops never tested the restore procedure, so the backups were useless.",
    "Classic Tariq: deploys at 5 p.m. and then logs off for the weekend.",
    "This was avoidable; Elif simply wasn't paying attention during the cutover.",
    "A dumb mistake by the contractor took down login for two hours.",
    (
        "The support lead mislabelled the incident as low severity and stalled "
        "the response."
    ),
]

HELDOUT_NEUTRAL = [
    "09:14 Mateo paged the database team.",
    "09:22 Elif deleted the orphaned volumes left over from the old cluster.",
    "Sana dropped the temp table after the migration finished, per the runbook.",
    "The p99 latency SLO was missed for 40 minutes during the tournament.",
    "The login service should return a 503 when the auth backend is unreachable.",
    "Appointment reminders should be retried up to three times with backoff.",
    (
        "The nightly backup job had failed silently for six days before a restore "
        "was attempted."
    ),
    "We ran a fault injection exercise on the matchmaking cluster the next week.",
    "The booking API had burned through its monthly error budget by the 14th.",
    "Thanks to Noor for keeping clinics informed throughout the incident.",
    "Tariq rolled back the release at 10:02 and error rates returned to baseline.",
    "Our review checklist has no step for schema changes that lock large tables.",
    (
        "The feature flag stayed on because the release checklist has no step to "
        "reset it."
    ),
    "The health check failed three probes in a row and the node left the pool.",
    "The Frankfurt CDN edge missed its cache-hit target after the purge.",
    (
        "Why #4: nothing requires a performance review for queries on the "
        "appointments table."
    ),
    (
        "Action item (owner: Elif, due 12 May): add a statement timeout to the "
        "reporting replica."
    ),
    "Action item: add a canary stage to the console build pipeline (owner: Mateo).",
    "02:37 Camille saw the spike in 401s and opened the incident channel.",
    "The on-call engineer was paged at 03:10 and acknowledged within four minutes.",
    "The runbook did not say the replica must be promoted before the DNS change.",
    "The disk alert fired at 95% usage, which left under ten minutes of headroom.",
    "[Slack 11:20] Reza: rolling back now, will confirm once the queue drains",
    "[Slack 11:31] Hannah: confirmed, matchmaking times back under 20s",
    "The admin script gave no indication which environment it was connected to.",
    (
        "Shout-out to Björn for staying on the bridge until the CDN vendor "
        "confirmed the fix."
    ),
    "The migration tool does not warn when a column rename breaks older clients.",
    "Retry storms from mobile clients amplified the load on the login service.",
    (
        "Given that every shard showed healthy, restarting the proxy was a "
        "reasonable call."
    ),
    "The fault-tolerance design assumed at most one availability zone would fail.",
    "A segmentation fault in the match server crashed 12% of game sessions.",
    (
        "The SMS provider's API returned errors for 18 minutes and our client did "
        "not back off."
    ),
    "Entries should expire after 60 seconds; the TTL was being parsed as minutes.",
    (
        "The intern shadowed the on-call rotation and drafted the timeline from "
        "the chat logs."
    ),
    "08:52 Support forwarded the first clinic complaint to the incident channel.",
    "Ops restarted the ingest workers after the queue-depth alert fired.",
    "Queue depth would have alerted about 20 minutes before the login error rate.",
    (
        "Calls to the eligibility service should give up after 3 seconds and use "
        "the cached result."
    ),
    "The primary database failed over to the replica in 41 seconds, inside target.",
    "Kudos to the DB team for catching the replication lag during the canary.",
    "The canary missed the regression because it only ran against the EU region.",
    "The deploy pipeline ignored the failing lint step because it was optional.",
    "Tariq broke the incident into three workstreams: DB, CDN and login.",
    "16:40 Noor killed the runaway export job, which released the table lock.",
    "Gus deleted the stale DNS records during the planned cleanup window.",
]
