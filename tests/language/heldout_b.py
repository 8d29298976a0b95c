"""Held-out sentences (set B) for the blameless-language linter.

Written from the blameless-postmortem method only, without reading the linter
rules or its other tests. A sentence is labelled blame when a blameless
facilitator would ask for it to be rephrased.
"""

PARTICIPANTS = [
    "Aisha (payments)",
    "Bruno (SRE)",
    "Keiko (platform)",
    "Dmitri (DBA)",
    "Fatima (support)",
]

HELDOUT_BLAME = [
    "Bruno pushed a config change to production without diffing it against staging.",
    "Aisha forgot to bump the schema version before merging the migration.",
    "The on-call engineer ignored the first three pages and went back to sleep.",
    "Root cause: human error during the manual failover of the primary database.",
    "Honestly, the reviewer should have caught the missing null check in the handler.",
    "Why didn't anyone look at the disk usage graph before Friday?",
    "Nobody bothered to read the runbook before restarting the primary.",
    "Dmitri dropped the orders_archive table in production instead of staging.",
    "Leaving the feature flag enabled for every tenant was a careless mistake.",
    "The outage traces back to Keiko's mistake in the load balancer weights.",
    "Support dropped the ball on escalating the early customer reports.",
    "Who approved merging a schema change at 17:45 on a Friday?",
    "We need to hold the release team accountable for skipping the canary stage.",
    "If Fatima had escalated the ticket when it came in, this wouldn't have happened.",
    "The intern ran the cleanup script against the production database by mistake.",
    "Ops failed to renew the TLS certificate before it expired on Sunday.",
    "Kwame didn't test the rollback path before shipping the release.",
    "Most of the blame lies with the platform team for rushing the rollout.",
    "The DBA deleted the replication slot without telling anyone on the bridge.",
    "Bruno should've waited for the canary to finish before promoting the build.",
    "Nobody noticed the error rate climbing for almost forty minutes.",
    "It was a stupid mistake that any senior engineer would have avoided.",
    "The whole incident comes down to Aisha skimming past the migration warnings.",
    "The mobile team missed the deprecation notice and kept calling the old endpoint.",
    "It's Oleg's fault that the API key rotation was never put on the calendar.",
    "Why 4: because the developer was negligent and skipped the performance review.",
    "Action item: Keiko needs to be more careful when editing production configs.",
    (
        "Had the on-call engineer followed the runbook, the outage would have "
        "lasted minutes."
    ),
    "Dmitri ignored the warning in the migration output and ran it anyway.",
    "The reviewer rubber-stamped the pull request without opening the diff.",
    "Operator error by the night shift caused the cluster to split in two.",
    "Why did nobody check that the backups could be restored before the upgrade?",
    "The QA team failed to test the checkout flow on Safari before sign-off.",
    "In hindsight we should never have trusted Fatima's estimate of the blast radius.",
    "Bruno broke the build by committing straight to main.",
    "The payments team was sloppy with the currency rounding change.",
    "Somebody neglected to remove the old DNS record after the cutover.",
    "Security should have revoked the leaked token the same day it was reported.",
    "Once again, Aisha merged without waiting for CI to go green.",
    "The contractor pushed a bad build to the edge nodes at 02:10.",
    "At the end of the day this one is on Keiko, since she approved her own change.",
    "We are still working out who is to blame for the expired certificate.",
    "Nobody on the rotation could be bothered to acknowledge the page.",
    "The frontend developers didn't test the release against the production API.",
    (
        "If the DBA hadn't silenced the slow-query alerts, we'd have caught "
        "this hours earlier."
    ),
]

HELDOUT_NEUTRAL = [
    "The nightly backup job had failed silently for six days before the restore test.",
    (
        "The load balancer should mark a node unhealthy after three consecutive "
        "failed probes."
    ),
    "Writes to the ledger should be idempotent so that client retries are safe.",
    "Bruno rolled the deployment back at 14:22, and error rates returned to baseline.",
    "Aisha paged the database on-call at 02:14 after the replication lag alert fired.",
    "The canary missed its latency objective by 40 ms, which halted the rollout.",
    "The p99 latency target was missed for 18 minutes during the failover.",
    "Our fault injection exercises had never simulated a full availability-zone loss.",
    "The incident consumed roughly 30% of the quarter's error budget.",
    "Fault tolerance in the queue consumers relies on at-least-once delivery.",
    "Thanks to Fatima for collecting the customer reports into a single timeline.",
    "Huge thanks to Keiko, who stayed on the bridge until the replicas caught up.",
    "Release 4.12, deployed at 14:03, introduced a regression in the session cache.",
    "No review step existed for changes that add or drop database indexes.",
    (
        "The endpoint config was not part of the deploy manifest, so the old "
        "value stayed live."
    ),
    "What would have made the disk pressure visible to us sooner?",
    (
        "The retention job deleted rows older than 90 days, as designed, but "
        "the table had no soft-delete."
    ),
    "The cron job broke when the base image was switched to one without tzdata.",
    "The alert fired at 14:47, 44 minutes after the first errors appeared in the logs.",
    "The runbook did not describe how to promote a replica in the secondary region.",
    "Dmitri restored the orders table from the 01:00 snapshot and verified row counts.",
    "The retry policy ignored the Retry-After header and amplified load on auth.",
    "Outbound connections should time out after 10 seconds instead of waiting forever.",
    "Requests to the pricing API failed with 503 errors for 12 minutes.",
    (
        "Action item: add a performance review gate for queries on large tables "
        "(owner: Keiko, due May 30)."
    ),
    "Action item: Bruno will add a certificate-expiry alert with a 14-day threshold.",
    "Why 5: there is no review gate for changes to connection pool settings.",
    "The dashboard showed normal traffic because the metrics exporter had crashed.",
    "The scheduler missed two consecutive runs while leader election was stuck.",
    (
        "Fatima spotted the spike in support tickets and opened the incident "
        "channel at 09:12."
    ),
    "The CLI gave no indication that the command was targeting production.",
    "The on-call engineer was paged at 02:10 and acknowledged within four minutes.",
    "Support relayed the first customer reports to the incident channel at 09:05.",
    "The error handler swallowed the exception, so the failure never reached the logs.",
    "Amara from the mobile team confirmed the fix on both iOS and Android builds.",
    (
        "The postmortem should be published within 48 hours of the incident "
        "being resolved."
    ),
    "Each shard should keep at least two replicas in separate availability zones.",
    "The DNS cutover propagated slowly because the record's TTL was still 24 hours.",
    "The client library failed to reconnect after the broker restarted.",
    "We want to recognise Aisha for raising the capacity concern two weeks earlier.",
    "The feature flag service returned stale values for tenants in the EU region.",
    "The DBA and the SRE on call agreed to pause writes while the index rebuilt.",
    "The pipeline allowed a merge to main without a passing integration run.",
    (
        "Bruno's first hypothesis was a network partition; packet captures "
        "ruled it out by 14:40."
    ),
    (
        "Keiko deleted the stuck pods at 03:05 as the runbook describes, and "
        "replacements came up healthy."
    ),
]
