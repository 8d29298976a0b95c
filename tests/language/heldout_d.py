"""Held-out sentences (set D) for the blameless-language linter.

Written from the blameless-postmortem method only, without reading the linter
rules or its other tests. A sentence is labelled blame when a blameless
facilitator would ask for it to be rephrased.
"""

PARTICIPANTS = [
    "Ngozi (payments)",
    "Rasmus (SRE)",
    "Ingrid (mobile)",
    "Kwame (data platform)",
    "Hiroshi (networking)",
]

HELDOUT_BLAME = [
    "14:07 Ngozi pushed the broken refund config straight to prod without a canary.",
    "Rasmus forgot to renew the TLS certificate on the edge load balancers.",
    "The on-call engineer ignored the first three pages for the settlement queue.",
    (
        "Honestly this one is on Kwame, he merged the inventory migration without "
        "running it on staging."
    ),
    (
        "Somebody on the mobile team should've bumped the minimum app version "
        "before the API change went out."
    ),
    "Why did nobody check the fraud model output before it went live?",
    "Root cause: human error during the manual ledger reconciliation.",
    "Root cause: a careless typo by Ingrid in the Kafka topic name.",
    "Hiroshi fat-fingered the BGP route filter and took down the east region.",
    (
        "If Greta had double-checked the currency rounding change, the merchant "
        "payouts would have been correct."
    ),
    "The DBA dropped the production orders table instead of the staging copy.",
    "Ops dropped the ball on the disk space alerts for the warehouse cluster.",
    "Who signed off on shipping the checkout redesign on a Friday afternoon?",
    "We need to hold the payments team accountable for this outage.",
    "It was Yusuf's fault that the feature flag stayed on for all merchants.",
    "Support failed to escalate the duplicate-charge tickets for six hours.",
    "The reviewer missed an obvious off-by-one in the batch size.",
    "Frankly, a negligent rollout by the platform team caused the whole thing.",
    "Rasmus didn't bother testing the new retry logic against the sandbox PSP.",
    (
        "Not a single person on the team read the deprecation email from the "
        "card network in two months."
    ),
    "The intern deleted the S3 prefix that held last month's settlement files.",
    "Kwame should have paused the pipeline before rewriting the partition scheme.",
    (
        "Lesson learned: Mateo needs to be a lot more careful with terraform apply "
        "in production."
    ),
    (
        "This was a really dumb mistake on Ngozi's part and it cost us two hours "
        "of checkout."
    ),
    "The mobile team shipped a build that hard-coded the staging API URL.",
    (
        "Why didn't the on-call person look at the dashboard before restarting "
        "everything?"
    ),
    "Ingrid ignored the linter warning about the unbounded query.",
    (
        "Had the SRE on shift actually read the runbook, the failover would have "
        "taken minutes, not an hour."
    ),
    "Greta broke the inventory sync by renaming the SKU column.",
    "The blame here lies squarely with whoever disabled the rate limiter.",
    "Why #3: because Hiroshi was sloppy and skipped the pre-change checklist.",
    "[14:31] yusuf: ugh, data eng screwed up the backfill again",
    "Ops never followed up on the ticket about the flapping switch port.",
    (
        "Action item: make sure Mateo doesn't touch the payment gateway config "
        "unsupervised again."
    ),
    "The contractor failed to mention that the webhook secret had been rotated.",
    ("Rasmus misconfigured the connection pool limits, which exhausted the database."),
    "Whoever approved PR #4412 clearly didn't read it.",
    (
        "This outage is entirely down to the QA team not testing the Android "
        "upgrade path."
    ),
    (
        "Kwame's mistake in the cron expression made the nightly export run "
        "every minute."
    ),
    (
        "The support lead closed the incident prematurely without checking the "
        "merchant dashboard."
    ),
    (
        "We wouldn't be writing this postmortem if Ngozi had waited for the canary "
        "to finish."
    ),
    (
        "Someone on networking neglected to update the firewall allowlist for the "
        "new PSP IPs."
    ),
    "Ingrid should not have run the migration during peak traffic.",
    (
        "The release manager overlooked the failing smoke tests and promoted the "
        "build anyway."
    ),
    (
        "Once again the analytics team didn't validate their schema change, and "
        "the revenue dashboard went blank."
    ),
]

HELDOUT_NEUTRAL = [
    "14:02 Ngozi restarted the refund consumer and the backlog began to drain.",
    "Rasmus deleted the stale lock in Redis, which unblocked the settlement worker.",
    "Kwame dropped the old orders_v1 index as planned during the maintenance window.",
    "The checkout service missed its latency SLO for 40 minutes.",
    "The nightly reconciliation job had failed silently since Tuesday's deploy.",
    (
        "Payment authorisation calls should time out after 3 seconds and return "
        "a retryable error."
    ),
    "The inventory cache should be invalidated whenever a SKU's stock count changes.",
    "We ran a fault injection exercise against the ledger service in March.",
    "The PSP client library is not fault tolerant to partial TLS handshakes.",
    "This incident consumed roughly 60% of the quarterly error budget for payments.",
    "Thanks to Ingrid for spotting the duplicate push notifications within minutes.",
    "Hiroshi rolled the BGP change back at 09:41 and packet loss returned to baseline.",
    "The deploy at 16:20 introduced a rounding regression in currency conversion.",
    (
        "Feature flag defaults were not part of the release checklist, so the new "
        "flag shipped enabled."
    ),
    "What would have made the stuck Kafka partition visible sooner?",
    "Our review process did not include a check for queries without a LIMIT clause.",
    (
        "Action item (owner: Greta, due 12 May): add a canary stage for refund "
        "config changes."
    ),
    "Yusuf paged the networking on-call at 03:12 after the packet-loss alert fired.",
    "The Android app crashed on launch for users still on version 4.1.",
    (
        "Kudos to the support team, who grouped the duplicate-charge tickets and "
        "gave us the first clear signal."
    ),
    "The on-call engineer was paged at 02:14 and acknowledged within four minutes.",
    "Mateo joined the bridge at 10:05 and took over as incident commander.",
    (
        "The disk usage alert threshold was set at 98%, which left almost no time "
        "to react."
    ),
    (
        "The failover runbook did not mention the DNS TTL, so the cutover took "
        "longer than expected."
    ),
    (
        "Why #4: the migration tool applies schema changes to every shard at "
        "once, with no batching."
    ),
    "The fraud scoring model rejected 12% of legitimate transactions for two hours.",
    (
        "Ngozi deleted the duplicate webhook subscriptions once we confirmed they "
        "were orphaned."
    ),
    "The retry policy should back off exponentially and cap at five attempts.",
    "Payouts to merchants were delayed by up to six hours; no funds were lost.",
    "Support posted a status page update at 14:20.",
    (
        "The batch job missed the 06:00 cut-off for the bank file, so settlements "
        "slipped by a day."
    ),
    (
        "The DBA killed the long-running analytics query, which freed up "
        "connections on the primary."
    ),
    "The intern drafted the first version of this timeline from the chat logs.",
    (
        "Nothing in the deploy pipeline blocked a config change that disabled the "
        "rate limiter."
    ),
    (
        "The warehouse sync service dropped messages when the broker restarted "
        "mid-batch."
    ),
    "[11:48] kwame: replica lag is back under a second, closing the bridge",
    "Greta and Hiroshi paired on the fix and shipped it behind a flag at 15:30.",
    (
        "The on-call handoff between the EU and US shifts happened mid-incident, "
        "and some context did not carry over."
    ),
    (
        "Staging did not have production-sized data, so the slow query was not "
        "caught before release."
    ),
    (
        "Expected behaviour: the mobile client should show a cached cart when the "
        "inventory API is unreachable."
    ),
    (
        "We want to recognise Yusuf for raising the concern about the Friday "
        "release window ahead of time."
    ),
    (
        "The ops dashboard showed healthy status throughout because it only "
        "sampled the primary region."
    ),
    "Ingrid reverted commit 9f3c2a1, and checkout error rates fell back to 0.2%.",
    "The fault was isolated to a single top-of-rack switch in rack B7.",
    (
        "The backfill script read from the wrong partition because the date "
        "format changed upstream."
    ),
]
