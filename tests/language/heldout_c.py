"""Held-out sentences (set C) for the blameless-language linter.

Written from the blameless-postmortem method only, without reading the linter
rules or its other tests. A sentence is labelled blame when a blameless
facilitator would ask for it to be rephrased.
"""

PARTICIPANTS = [
    "Nadia (platform)",
    "Kwame (SRE)",
    "Ingrid (support)",
    "Rafael (backend)",
    "Sunil (DBA)",
]

HELDOUT_BLAME = [
    "Kwame pushed the migration straight to prod without running it on staging.",
    (
        "Nadia forgot to renew the TLS certificate, so the API gateway started "
        "rejecting handshakes."
    ),
    "The on-call engineer ignored the first three pages.",
    (
        "Honestly, the DBA should have known that the index rebuild would lock "
        "the table."
    ),
    (
        "Why didn't anyone on the platform team notice the disk filling up over "
        "the weekend?"
    ),
    "Root cause: human error during the manual failover procedure.",
    "This was a careless mistake in the feature flag config.",
    "Rafael dropped the ball on the vendor escalation.",
    "Who approved a schema change on a Friday afternoon?",
    ("We need to hold the release team accountable for skipping the canary stage."),
    ("If Sunil had double-checked the WHERE clause, this wouldn't have happened."),
    (
        "The outage was ultimately Ingrid's fault for closing the first ticket "
        "as a duplicate."
    ),
    "14:12 - Kwame deleted the production bucket instead of the staging one.",
    "Support failed to escalate the customer reports for almost two hours.",
    ("Nobody bothered to read the deprecation notice from the payment provider."),
    "The reviewer missed an obvious off-by-one in the pagination code.",
    "Ops didn't test the new load balancer rules before enabling them.",
    "Chat, 02:41: 'ugh, who merged this without running the tests??'",
    (
        "Contributing factor: the intern broke the cron schedule while cleaning "
        "up old jobs."
    ),
    "Nadia should've rolled back as soon as the error rate spiked.",
    "Rafael's negligent handling of the API keys exposed customer data.",
    (
        "5 whys, answer 3: because the engineer on call didn't bother to check "
        "the runbook."
    ),
    (
        "It was a stupid mistake, plain and simple: someone copied the wrong "
        "environment variable across."
    ),
    ("The mobile team broke the login flow by shipping a build nobody had tested."),
    "Sunil missed the capacity alert because he had muted the channel.",
    (
        "Action item: make sure Kwame doesn't run ad hoc scripts against "
        "production again."
    ),
    "Frankly, the contractors were sloppy with the Terraform state.",
    (
        "Had the on-call engineer acknowledged the page, we would have avoided "
        "40 minutes of downtime."
    ),
    (
        "We'd like to understand why Ingrid ignored the warning banner in the "
        "admin console."
    ),
    "The SRE team failed to update the runbook after the last migration.",
    (
        "Nobody noticed the backups had been failing for eleven days, which is "
        "embarrassing."
    ),
    ("Summary: an avoidable outage caused by Nadia's mistake in the DNS change."),
    ("Marta in billing ran the refund script twice and double-refunded 312 invoices."),
    ("Let's not pretend otherwise: the blame here sits with whoever owned the deploy."),
    "Slack, 03:05: 'Rafael you literally took down prod lol'",
    ("The QA lead signed off on the release without even looking at the test report."),
    (
        "Someone on the data team forgot to turn replication back on after the "
        "maintenance."
    ),
    ("The new hire pushed a bad config that disabled rate limiting for all tenants."),
    (
        "Kwame should not have been allowed anywhere near the deploy button "
        "without a second pair of eyes."
    ),
    "The incident commander wasted twenty minutes chasing the wrong theory.",
    "Why did nobody on the call think to check the CDN's status page?",
    ("Support should have told customers sooner instead of sitting on the tickets."),
    (
        "Contributing factor: a lack of care from the backend engineers when "
        "writing migrations."
    ),
    (
        "If the DBA hadn't restarted the primary mid-backup, the replica would "
        "have stayed consistent."
    ),
    ("Sunil overlooked the rate-limit headers when he integrated the partner API."),
]

HELDOUT_NEUTRAL = [
    (
        "Nadia rolled the deployment back to v3.14.2 at 14:31, and error rates "
        "returned to baseline within four minutes."
    ),
    (
        "The nightly backup job had silently failed since the storage "
        "credentials rotated on 3 March."
    ),
    (
        "Failover to the secondary region should complete within 60 seconds of "
        "the primary health check failing."
    ),
    (
        "Outbound webhook requests should time out after 10 seconds and retry "
        "with exponential backoff."
    ),
    "We consumed roughly 40% of the monthly error budget for the invoicing API.",
    (
        "Action item: add fault injection for the Redis cluster to the "
        "quarterly game day."
    ),
    "Kwame paged the database on-call at 02:17 and opened the incident channel.",
    "The p99 latency SLO was missed for three consecutive hours on Tuesday.",
    ("The deploy at 14:03 introduced a regression in the tenant-scoping middleware."),
    "Our review process did not flag schema changes that rewrite large tables.",
    (
        "Thanks to Ingrid for spotting the pattern in the support tickets and "
        "raising it early."
    ),
    "The config was not updated as part of the automated release pipeline.",
    "What would have made the disk-usage trend visible sooner?",
    ("Rafael deleted the stale DNS records as planned during the maintenance window."),
    (
        "The cron scheduler skipped two runs because the host clock drifted by "
        "90 seconds."
    ),
    (
        "Sunil ran the index rebuild on the replica first to measure how long "
        "the lock was held."
    ),
    (
        "The disk-pressure alert did not fire until 09:52, roughly 50 minutes "
        "after usage crossed 90%."
    ),
    (
        "The payment provider's API returned 503s for 18 minutes, and our retry "
        "queue backed up."
    ),
    (
        "The canary stage caught the memory leak before it reached more than 5% "
        "of traffic."
    ),
    (
        "Fault tolerance in the ingestion path depends on the queue persisting "
        "messages to disk."
    ),
    (
        "Kwame: 'seeing connection pool exhaustion on api-7, checking the slow "
        "query log now'"
    ),
    ("The migration tool does not warn when a change will take an exclusive lock."),
    ("The on-call engineer acknowledged the page within two minutes and began triage."),
    (
        "Support posted an update on the status page at 10:20 and every 30 "
        "minutes afterwards."
    ),
    (
        "The health check endpoint failed to distinguish a degraded dependency "
        "from a full outage."
    ),
    (
        "Runbook step 4 assumed shell access to the bastion host, which new "
        "responders do not get by default."
    ),
    (
        "The reviewer had no way to see the generated SQL from the ORM diff in "
        "the pull request."
    ),
    ("Dashboards should show per-tenant error rates, not only the global aggregate."),
    (
        "Why did the rate limiter allow a single tenant to consume 70% of "
        "worker capacity?"
    ),
    (
        "Nadia and Rafael paired on the hotfix, and it shipped at 16:05 after "
        "passing CI."
    ),
    (
        "The certificate renewal job exited with status 0 even though the ACME "
        "challenge failed."
    ),
    (
        "The replica missed several WAL segments after the network partition "
        "and had to be rebuilt."
    ),
    (
        "Recognition: the platform team's one-click rollback work cut recovery "
        "time to under five minutes."
    ),
    (
        "Alerting thresholds were tuned for weekday traffic and stayed quiet "
        "during the Sunday batch spike."
    ),
    (
        "Ingrid escalated the cluster of 'invoice not found' tickets to "
        "engineering at 09:40."
    ),
    (
        "Action item (owner: Sunil, due 30 May): add a statement timeout to all "
        "reporting queries."
    ),
    (
        "Staging holds about 2% of production data, so the slow query did not "
        "show up in testing."
    ),
    (
        "The queue consumer crashed on a malformed message and restarted in a "
        "loop for 25 minutes."
    ),
    (
        "Kwame broke the investigation into three workstreams: database, "
        "network and the deploy itself."
    ),
    ("Ops restarted the stuck ingestion workers, which drained the backlog by 11:15."),
    (
        "Karin from the partner's engineering team confirmed that their webhook "
        "signing key had rotated."
    ),
    (
        "The feature flag service returned stale values for up to ten minutes "
        "after each change."
    ),
    ("The load test missed the regression because it only exercised read endpoints."),
    (
        "5 whys, answer 4: there is no automated check that new queries on the "
        "orders table use an index."
    ),
    (
        "We should add a pre-deploy check that compares the Terraform plan "
        "against an allow-list of resources."
    ),
]
