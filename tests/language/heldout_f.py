"""Held-out sentences (set F) for the blameless-language linter.

Written from the blameless-postmortem method only, without reading the linter
rules or its other tests. A sentence is labelled blame when a blameless
facilitator would ask for it to be rephrased.
"""

PARTICIPANTS = [
    "Oksana (platform)",
    "Emeka (SRE)",
    "Margit (DBA)",
    "Haruto (driver app)",
    "Lucía (service desk)",
]

HELDOUT_BLAME = [
    "Oksana pushed an untested migration straight to the routing database at 16:40.",
    "The DBA dropped the wrong index on the shipments table in the middle of peak.",
    "Emeka ignored the disk-pressure page for almost forty minutes.",
    "Honestly, Margit should've double-checked the replica lag before promoting it.",
    "The night-shift on-call never acknowledged the Kafka consumer lag alert.",
    "How did nobody on the warehouse team spot that every scanner was offline?",
    "Root cause: operator error during the certificate rotation.",
    "It was a sloppy change and the reviewer waved it through without reading it.",
    "This outage is squarely on the EDI team.",
    ("Haruto broke the driver app login by shipping a half-finished feature flag."),
    (
        "Whoever signed off on deploying the exam platform during finals week "
        "needs to explain themselves."
    ),
    (
        "If Lucía had read the runbook, the SSO outage would have been over in "
        "five minutes."
    ),
    "Ops just didn't bother to renew the wildcard certificate.",
    "Support sat on the customer tickets for two hours before escalating.",
    (
        "Why 3: because the intern ran the cleanup script against production "
        "instead of staging."
    ),
    (
        "Action item: the platform team must be held responsible for the "
        "repeat of INC-2231."
    ),
    "Tbh this was a rookie mistake on Oksana's part.",
    "14:12 <ops-lead> who the hell okayed merging this on a Friday?",
    "The help desk forgot to tell students that the exam platform was down.",
    "Margit deleted the archive bucket thinking it was a test copy.",
    (
        "The contractor from Vendorlink failed to validate the EDI 856 mapping "
        "before go-live."
    ),
    "Nobody thought to check whether the Postgres failover had actually completed.",
    "Frankly, the scheduling team was careless with the route optimiser config.",
    (
        "The whole thing happened because Haruto couldn't be bothered to run "
        "the test suite."
    ),
    (
        "Ravi on the network team misconfigured the firewall rule and locked out "
        "the scanners."
    ),
    "We lost six hours of manifests thanks to Emeka's blunder.",
    "The release manager let a broken build go out to every driver's phone.",
    (
        "Had the on-call person escalated sooner, we wouldn't have missed the "
        "evening dispatch window."
    ),
    (
        "The service desk ought to have known better than to reset every MFA "
        "token at once."
    ),
    "Emeka messed up the Helm values and took down the route planner.",
    ("Ultimately the fault lies with Lucía for not checking the mailbox quotas."),
    "Contributing factor: the DBA was negligent about verifying the backups.",
    ("Why on earth did the platform team not test the Kafka upgrade in staging first?"),
    "Once again QA let this one slip right through on the scanner firmware release.",
    (
        "The warehouse supervisor overrode the scanner lockout and caused the "
        "duplicate picks."
    ),
    "Daniel from the registrar's office botched the course enrolment import.",
    ("I'm not pointing fingers, but Oksana's rushed hotfix is what caused the outage."),
    "Lucía clearly didn't read the change ticket before approving it.",
    ("The outage came down to an idiotic typo Haruto made in the DNS zone file."),
    "We need to figure out whose screw-up led to the double-billed invoices.",
    ("Somebody on the SRE team overlooked the expiring service account token."),
    (
        "The exam platform went down because IT staff can't follow a simple "
        "change process."
    ),
    "Let's be honest, the culprit here is Margit's manual edit to pg_hba.conf.",
    (
        "Emeka neglected to drain the node before rebooting it, which killed "
        "the Kafka broker."
    ),
    "Most of the blame belongs with the mail admins, who sat on three warnings.",
]

HELDOUT_NEUTRAL = [
    (
        "Oksana rolled the route planner back to v4.12, and error rates "
        "recovered by 16:58."
    ),
    "14:07 Emeka paged the DBA on call and opened the incident channel.",
    "The nightly backup job had been failing silently since the storage class change.",
    (
        "The health check should mark a pod unready after three consecutive "
        "failed probes."
    ),
    (
        "Scanner requests should time out after 2 seconds and retry against "
        "the secondary gateway."
    ),
    (
        "We ran fault injection against the Kafka cluster to confirm that "
        "consumer groups rebalance."
    ),
    (
        "The on-time delivery rate missed its 97% target for the week because "
        "of the outage."
    ),
    "The error budget for the driver app was fully consumed by Tuesday morning.",
    "Margit promoted the Postgres replica at 02:14, as the runbook describes.",
    "The deploy at 16:40 introduced a migration that locked the shipments table.",
    (
        "Thanks to Lucía and the service desk for keeping students updated "
        "throughout the exam outage."
    ),
    "What would have made the scanner outage visible sooner?",
    "The review checklist has no step for changes that alter index definitions.",
    (
        "Why 4: the migration tool takes table locks by default and nothing in "
        "CI measures lock duration."
    ),
    (
        "The EDI gateway rejected 1,240 ASN messages because the partner "
        "changed its segment terminator."
    ),
    (
        "Haruto noticed the login failures on the crash dashboard and raised "
        "the incident at 09:12."
    ),
    (
        "The SSO identity provider failed over to the secondary region, but "
        "session cookies were not shared."
    ),
    (
        "Fault tolerance in the warehouse sync relies on a local SQLite queue "
        "on each scanner."
    ),
    (
        "The alert fired 38 minutes after consumer lag began, which exposed a "
        "gap in our thresholds."
    ),
    (
        "Action item (owner: Emeka, due 14 March): add a lag-based alert for "
        "the dispatch consumers."
    ),
    (
        "The certificate was not renewed because the renewal job depended on a "
        "retired DNS provider."
    ),
    (
        "The route optimiser should produce a plan for every depot within ten "
        "minutes of cut-off."
    ),
    "Kubelet evicted the dispatch pods when the node hit its memory limit.",
    (
        "The intern followed the onboarding runbook, which still pointed at "
        "the production bucket."
    ),
    "The change ticket went through the standard CAB approval on Thursday.",
    "02:20 <Margit> replica is caught up, promoting now",
    (
        "Recognition: Emeka spotted the expiring token during a routine "
        "review, which prevented a second outage."
    ),
    (
        "The university mail relay dropped messages larger than 25 MB after "
        "the policy update."
    ),
    (
        "The scanner firmware missed heartbeat windows while the Wi-Fi "
        "controller was restarting."
    ),
    (
        "Students saw a generic error page because the exam platform's load "
        "balancer returned 503s."
    ),
    (
        "The EDI partner's test environment was unavailable, so the mapping "
        "was validated only against sample files."
    ),
    "Parity checks between the primary and the replica failed for 14 tables.",
    (
        "Lucía restored the mailbox quotas from the last known-good "
        "configuration at 11:30."
    ),
    "On-call engineers had no dashboard showing per-depot scanner connectivity.",
    (
        "The scheduled credential rotation on the Kafka brokers did not "
        "propagate to the consumer configuration."
    ),
    (
        "The retry logic in the driver app should back off exponentially "
        "instead of retrying every second."
    ),
    (
        "Haruto and Oksana paired on the hotfix, and the patched build reached "
        "the app stores by 18:00."
    ),
    (
        "The blast radius was limited to the Rotterdam depot because the "
        "feature flag was region-scoped."
    ),
    (
        "A segmentation fault in the label printer driver caused the packing "
        "stations to hang."
    ),
    (
        "Autovacuum fell behind on the Postgres events table, and query "
        "latency climbed steadily."
    ),
    (
        "Why 2: the exam platform held sessions in memory, so the restart "
        "logged out every candidate."
    ),
    (
        "Dr. Abernathy's course had 600 students submitting in the same "
        "minute, which exceeded the upload queue's capacity."
    ),
    "The runbook did not mention that the replica must be fenced before promotion.",
    (
        "Monitoring missed the gradual disk growth because alerts only fire "
        "above 90% usage."
    ),
    "The readiness probe should fail when the database connection pool is exhausted.",
]
