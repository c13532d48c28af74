//! The sample workspace, "Acme Analytics": one realistic product that exercises every
//! entity of the format. Its calendar is laid out around `today` (the previous and the
//! current quarter), so the sample always shows goals in flight, not a finished year.
//! Built on the product's worked examples: retention +15% with its milestones, and doubling
//! weekly mobile sessions by the end of the quarter with its three.

use chrono::{Datelike, Duration, NaiveDate};

use crate::interchange::Document;
use crate::model::*;

/// A quarter: its id (`2027-Q1`), first and last day.
fn quarter_of(day: NaiveDate) -> (String, NaiveDate, NaiveDate) {
    let q = (day.month0() / 3) as i32; // 0..=3
    let start = NaiveDate::from_ymd_opt(day.year(), (q * 3 + 1) as u32, 1).expect("valid quarter start");
    let next =
        if q == 3 { NaiveDate::from_ymd_opt(day.year() + 1, 1, 1) } else { NaiveDate::from_ymd_opt(day.year(), (q * 3 + 4) as u32, 1) }
            .expect("valid next quarter");
    (format!("{}-Q{}", day.year(), q + 1), start, next - Duration::days(1))
}

fn s(text: &str) -> Option<String> {
    Some(text.to_string())
}

struct Builder {
    doc: Document,
    today: NaiveDate,
}

// The builder's methods mirror the records' fields, hence their many arguments.
#[allow(clippy::too_many_arguments)]
impl Builder {
    fn objective(
        &mut self,
        id: &str,
        title: &str,
        cycle: &str,
        parent: Option<&str>,
        category: ObjectiveCategory,
        owner: &str,
        status: ObjectiveStatus,
    ) {
        self.doc.objectives.push(Objective {
            id: id.into(),
            title: title.into(),
            description: None,
            cycle: s(cycle),
            parent: parent.map(str::to_string),
            category: Some(category),
            owner: s(owner),
            status,
            weight: Some(1.0),
            ambition: Ambition::Aspirational,
            carried_from: None,
        });
    }

    fn key_result(
        &mut self,
        id: &str,
        objective: &str,
        title: &str,
        kind: KeyResultKind,
        unit: &str,
        baseline: f64,
        target: f64,
        kpi: Option<&str>,
    ) {
        self.doc.key_results.push(KeyResult {
            id: id.into(),
            objective: objective.into(),
            title: title.into(),
            kind,
            unit: s(unit),
            baseline: Some(baseline),
            target: Some(target),
            weight: Some(1.0),
            kpi: kpi.map(str::to_string),
        });
    }

    /// Weekly check-ins from `from` until `to` (or today), moving linearly from `first`
    /// to `last` with a small wobble, confidence sliding from `conf0` to `conf1`.
    fn checkins(&mut self, kr: &str, from: NaiveDate, to: NaiveDate, first: f64, last: f64, conf0: f64, conf1: f64, notes: &[&str]) {
        let end = to.min(self.today);
        let weeks = ((end - from).num_days() / 7).max(1);
        for w in 1..=weeks {
            let date = from + Duration::days(7 * w);
            if date > end {
                break;
            }
            let t = w as f64 / weeks as f64;
            let wobble = if w % 3 == 0 { -0.04 } else { 0.02 };
            let value = round2(first + (last - first) * (t + wobble * (1.0 - t)));
            let confidence = round2(conf0 + (conf1 - conf0) * t);
            let note = notes.get((w as usize).saturating_sub(1)).map(|n| n.to_string());
            self.doc.checkins.push(CheckIn { key_result: kr.into(), date, value, confidence: Some(confidence), note });
        }
    }

    fn kpi(&mut self, id: &str, name: &str, category: KpiCategory, unit: &str, higher_is_better: bool, start: f64, end: f64) {
        self.doc.kpis.push(Kpi { id: id.into(), name: name.into(), category, unit: s(unit), higher_is_better: Some(higher_is_better) });
        // Twelve weekly measurements ending this week.
        for w in 0..12 {
            let date = self.today - Duration::days(7 * (11 - w));
            let t = w as f64 / 11.0;
            let wobble = if w % 4 == 1 {
                0.03
            } else if w % 4 == 3 {
                -0.02
            } else {
                0.0
            };
            let value = round2(start + (end - start) * t + (end - start).abs() * wobble);
            self.doc.measurements.push(Measurement { kpi: id.into(), date, value });
        }
    }

    fn milestone(&mut self, id: &str, objective: &str, title: &str, due: NaiveDate, done: bool, item: Option<&str>) {
        let done_on = (done && due - Duration::days(2) <= self.today).then(|| (due - Duration::days(2)).min(self.today));
        self.doc.milestones.push(Milestone {
            id: id.into(),
            objective: s(objective),
            title: title.into(),
            due,
            done_on,
            roadmap_item: item.map(str::to_string),
        });
    }

    fn item(
        &mut self,
        id: &str,
        lane: &str,
        title: &str,
        start: NaiveDate,
        days: i64,
        kind: ItemKind,
        goals: &[&str],
        depends_on: &[&str],
        why: (&str, &str),
        rice: Option<(f64, f64, f64, f64)>,
        moscow: Moscow,
    ) {
        let end = start + Duration::days(days - 1);
        let status = if end < self.today {
            ItemStatus::Done
        } else if start <= self.today {
            ItemStatus::InProgress
        } else if goals.is_empty() {
            ItemStatus::Idea
        } else {
            ItemStatus::Planned
        };
        let horizon = if start <= self.today + Duration::days(30) {
            Horizon::Now
        } else if start <= self.today + Duration::days(100) {
            Horizon::Next
        } else {
            Horizon::Later
        };
        let (impact, tradeoff) = why;
        self.doc.roadmap_items.push(RoadmapItem {
            id: id.into(),
            lane: lane.into(),
            title: title.into(),
            start: Some(start),
            end: Some(end),
            kind,
            status,
            horizon: Some(horizon),
            objectives: goals.iter().map(|g| g.to_string()).collect(),
            depends_on: depends_on.iter().map(|d| d.to_string()).collect(),
            expected_impact: (!impact.is_empty()).then(|| impact.to_string()),
            tradeoff: (!tradeoff.is_empty()).then(|| tradeoff.to_string()),
            rice: rice.map(|(reach, impact, confidence, effort)| Rice { reach, impact, confidence, effort }),
            ice: rice.map(|(_, impact, confidence, effort)| Ice {
                impact: (impact * 3.0).clamp(1.0, 10.0),
                confidence: (confidence * 10.0).clamp(1.0, 10.0),
                ease: (10.0 - effort).clamp(1.0, 10.0),
            }),
            moscow: Some(moscow),
            urgent: Some(matches!(moscow, Moscow::Must)),
            important: Some(!goals.is_empty()),
            key_results: vec![],
            external_key: None,
        });
    }

    fn feedback(&mut self, id: &str, days_ago: i64, source: FeedbackSource, customer: &str, text: &str, themes: &[&str], items: &[&str]) {
        self.doc.feedback.push(Feedback {
            id: id.into(),
            date: self.today - Duration::days(days_ago),
            source,
            customer: s(customer),
            text: text.into(),
            themes: themes.iter().map(|t| t.to_string()).collect(),
            roadmap_items: items.iter().map(|i| i.to_string()).collect(),
        });
    }
}

fn round2(v: f64) -> f64 {
    (v * 100.0).round() / 100.0
}

/// The sample workspace as of `today`.
pub fn sample_document(today: NaiveDate) -> Document {
    let (cur, cs, ce) = quarter_of(today);
    let (prev, ps, pe) = quarter_of(cs - Duration::days(1));
    let (_, ns, _) = quarter_of(ce + Duration::days(1));
    let quarter_name = cur.split('-').nth(1).unwrap_or("this quarter").to_string();
    let end_month = ce.format("%B").to_string();

    let mut b = Builder {
        doc: Document::new(Product {
            name: "Acme Analytics".into(),
            vision: s("Every team decides with data in minutes."),
            strategy: s("Win mid-market teams through self-serve onboarding and a mobile app managers actually open; \
                         grow through the integrations they already use, not through a sales army."),
            lifecycle_stage: Some(LifecycleStage::Growth),
        }),
        today,
    };
    b.doc.cycles = vec![Cycle { id: prev.clone(), start: ps, end: pe }, Cycle { id: cur.clone(), start: cs, end: ce }];

    // KPIs with twelve weeks of measurements.
    b.kpi("k-ret30", "30-day retention", KpiCategory::Retention, "%", true, 40.2, 43.1);
    b.kpi("k-mobile", "Weekly mobile sessions per active user", KpiCategory::Engagement, "sessions", true, 1.7, 2.6);
    b.kpi("k-activation", "Activation rate", KpiCategory::Activation, "%", true, 24.0, 31.5);
    b.kpi("k-nps", "Net Promoter Score", KpiCategory::Satisfaction, "pts", true, 31.0, 38.0);
    b.kpi("k-cycle", "Cycle time", KpiCategory::Delivery, "days", false, 9.4, 7.1);
    b.kpi("k-mrr", "Monthly recurring revenue", KpiCategory::Revenue, "k$", true, 412.0, 468.0);

    // Objectives: a company objective with three product objectives aligned under it.
    use ObjectiveCategory as Cat;
    use ObjectiveStatus as St;
    b.objective(
        "o-company",
        "Become the analytics tool mid-market teams rely on every week",
        &cur,
        None,
        Cat::Strategy,
        "Maya (CPO)",
        St::Active,
    );
    b.objective(
        "o-retention",
        &format!("Increase user retention by 15% in {quarter_name}"),
        &cur,
        Some("o-company"),
        Cat::CustomerValue,
        "Dana",
        St::Active,
    );
    b.objective(
        "o-mobile",
        &format!("Double average weekly sessions on mobile by end of {end_month}"),
        &cur,
        Some("o-company"),
        Cat::Adoption,
        "Sam",
        St::Active,
    );
    b.objective("o-delivery", "Ship predictably without burning out the team", &cur, Some("o-company"), Cat::Execution, "Lee", St::Active);
    b.objective("o-p-activation", "Make the first dashboard happen on day one", &prev, None, Cat::Adoption, "Dana", St::Achieved);
    b.objective("o-p-connectors", "Make data connectors boringly reliable", &prev, None, Cat::Execution, "Lee", St::Missed);

    use KeyResultKind as K;
    b.key_result("kr-ret30", "o-retention", "Raise 30-day retention from 40% to 46%", K::Increase, "%", 40.0, 46.0, Some("k-ret30"));
    b.key_result("kr-churn", "o-retention", "Cut monthly logo churn from 3.2% to 2.5%", K::Decrease, "%", 3.2, 2.5, None);
    b.key_result("kr-ret-plan", "o-retention", "Complete the retention plan", K::Milestone, "done", 0.0, 1.0, None);
    b.key_result(
        "kr-mob-sessions",
        "o-mobile",
        "Weekly mobile sessions per active user from 1.8 to 3.6",
        K::Increase,
        "sessions",
        1.8,
        3.6,
        Some("k-mobile"),
    );
    b.key_result("kr-mob-load", "o-mobile", "Mobile dashboard load time (p75) from 3.2 s to 2.2 s", K::Decrease, "s", 3.2, 2.2, None);
    b.key_result("kr-mob-crash", "o-mobile", "Keep crash-free mobile sessions at or above 99.5%", K::AtLeast, "%", 99.1, 99.5, None);
    b.key_result("kr-cycle", "o-delivery", "Bring median cycle time from 9 to 6 days", K::Decrease, "days", 9.0, 6.0, Some("k-cycle"));
    b.key_result("kr-incidents", "o-delivery", "Keep P1 incidents at or below 2 a month", K::AtMost, "incidents", 3.0, 2.0, None);
    b.key_result(
        "kr-p-activation",
        "o-p-activation",
        "Raise activation from 22% to 30%",
        K::Increase,
        "%",
        22.0,
        30.0,
        Some("k-activation"),
    );
    b.key_result("kr-p-ttfd", "o-p-activation", "Cut time to first dashboard from 45 to 15 minutes", K::Decrease, "min", 45.0, 15.0, None);
    b.key_result("kr-p-sync", "o-p-connectors", "Raise connector sync success from 97% to 99.5%", K::Increase, "%", 97.0, 99.5, None);

    b.checkins("kr-ret30", cs, ce, 40.6, 43.4, 0.6, 0.7, &["Drip campaign email 1–3 live", "", "KB articles helping support deflection"]);
    b.checkins("kr-churn", cs, ce, 3.1, 2.8, 0.55, 0.5, &["Two large logos at risk"]);
    b.checkins("kr-mob-sessions", cs, ce, 1.9, 2.6, 0.5, 0.4, &["iOS widget beta", "", "Android push digest delayed"]);
    b.checkins("kr-mob-load", cs, ce, 3.1, 2.7, 0.6, 0.55, &["Image caching shipped"]);
    b.checkins("kr-mob-crash", cs, ce, 99.2, 99.6, 0.7, 0.8, &[]);
    b.checkins("kr-cycle", cs, ce, 8.8, 7.2, 0.7, 0.75, &["WIP limits introduced"]);
    b.checkins("kr-incidents", cs, ce, 2.0, 1.0, 0.8, 0.85, &[]);
    b.checkins("kr-p-activation", ps, pe, 23.0, 30.5, 0.6, 0.9, &["Templates gallery live"]);
    b.checkins("kr-p-ttfd", ps, pe, 40.0, 19.0, 0.6, 0.7, &[]);
    b.checkins("kr-p-sync", ps, pe, 97.2, 98.4, 0.5, 0.3, &["Salesforce API limits"]);

    // Lanes and roadmap items, from the previous quarter into the next.
    for (id, name, color) in [
        ("l-onboarding", "Onboarding & retention", "#0072B2"),
        ("l-mobile", "Mobile", "#E69F00"),
        ("l-platform", "Platform & reliability", "#009E73"),
        ("l-growth", "Growth & integrations", "#CC79A7"),
    ] {
        b.doc.lanes.push(Lane { id: id.into(), name: name.into(), color: s(color) });
    }
    let d = |offset: i64| cs + Duration::days(offset);
    use ItemKind as Kd;
    use Moscow as M;
    b.item(
        "r-templates",
        "l-onboarding",
        "Dashboard templates gallery",
        ps + Duration::days(10),
        42,
        Kd::Feature,
        &["o-p-activation"],
        &[],
        ("+5 pts activation", "postponed custom themes"),
        Some((2400.0, 2.0, 0.8, 3.0)),
        M::Must,
    );
    b.item(
        "r-drip",
        "l-onboarding",
        "Onboarding drip campaign (6 emails)",
        d(3),
        24,
        Kd::Growth,
        &["o-retention"],
        &[],
        ("+2 pts 30-day retention", "marketing newsletter paused for a month"),
        Some((5000.0, 1.0, 0.8, 1.0)),
        M::Must,
    );
    b.item(
        "r-guided",
        "l-onboarding",
        "Guided setup checklist",
        d(14),
        40,
        Kd::Feature,
        &["o-retention"],
        &["r-templates"],
        ("+3 pts 30-day retention", "delays SSO for small teams"),
        Some((3200.0, 2.0, 0.7, 4.0)),
        M::Must,
    );
    b.item(
        "r-kb",
        "l-onboarding",
        "15 knowledge-base articles",
        d(10),
        45,
        Kd::Growth,
        &["o-retention"],
        &[],
        ("−10% setup tickets", "support writes instead of answering"),
        Some((1500.0, 1.0, 0.9, 2.0)),
        M::Should,
    );
    b.item(
        "r-incentive",
        "l-onboarding",
        "Renewal incentive plan (up to 25% off)",
        d(50),
        30,
        Kd::Growth,
        &["o-retention"],
        &["r-analytics"],
        ("−0.4 pts monthly churn", "lower ARPA on renewals"),
        Some((600.0, 2.0, 0.5, 2.0)),
        M::Should,
    );
    b.item(
        "r-churn-interviews",
        "l-onboarding",
        "Churned-customer interviews",
        d(20),
        21,
        Kd::Discovery,
        &["o-retention"],
        &[],
        ("find the top 3 churn reasons", ""),
        Some((10.0, 3.0, 0.9, 1.0)),
        M::Should,
    );
    b.item(
        "r-analytics",
        "l-platform",
        "Product analytics instrumentation",
        d(0),
        28,
        Kd::TechDebt,
        &["o-retention", "o-mobile"],
        &[],
        ("see retention by cohort weekly", "two weeks of feature work"),
        Some((1.0, 3.0, 1.0, 2.0)),
        M::Must,
    );
    b.item(
        "r-mobile-qa",
        "l-mobile",
        "QA all mobile functions",
        d(5),
        30,
        Kd::Reliability,
        &["o-mobile"],
        &[],
        ("crash-free ≥ 99.5%", "no new mobile features for a month"),
        Some((900.0, 2.0, 0.9, 2.0)),
        M::Must,
    );
    b.item(
        "r-mobile-perf",
        "l-mobile",
        "Cut mobile load time by 30%",
        d(20),
        45,
        Kd::Reliability,
        &["o-mobile"],
        &["r-mobile-qa"],
        ("p75 load 3.2 s → 2.2 s", "defers offline mode"),
        Some((4000.0, 2.0, 0.7, 3.0)),
        M::Must,
    );
    b.item(
        "r-mobile-integrations",
        "l-mobile",
        "3 top integrations on mobile",
        d(40),
        50,
        Kd::Feature,
        &["o-mobile"],
        &["r-mobile-perf"],
        ("+0.6 weekly sessions", "web integrations roadmap slips a month"),
        Some((2500.0, 2.0, 0.6, 4.0)),
        M::Must,
    );
    b.item(
        "r-widget",
        "l-mobile",
        "iOS home-screen widget",
        d(30),
        35,
        Kd::Feature,
        &["o-mobile"],
        &[],
        ("+0.3 weekly sessions", ""),
        Some((1800.0, 1.0, 0.5, 2.0)),
        M::Could,
    );
    b.item(
        "r-push",
        "l-mobile",
        "Weekly push digest",
        d(60),
        40,
        Kd::Growth,
        &["o-mobile"],
        &["r-analytics"],
        ("+0.4 weekly sessions", "risk of notification fatigue"),
        Some((3000.0, 1.0, 0.6, 2.0)),
        M::Should,
    );
    b.item(
        "r-offline",
        "l-mobile",
        "Offline mode",
        ns + Duration::days(20),
        60,
        Kd::Feature,
        &[],
        &["r-mobile-perf"],
        ("", ""),
        Some((700.0, 1.0, 0.4, 5.0)),
        M::Could,
    );
    b.item(
        "r-sync",
        "l-platform",
        "Connector retry & backoff",
        ps + Duration::days(5),
        50,
        Kd::Reliability,
        &["o-p-connectors"],
        &[],
        ("sync success 97% → 99.5%", ""),
        Some((6000.0, 2.0, 0.8, 3.0)),
        M::Must,
    );
    b.item(
        "r-warehouse",
        "l-platform",
        "Query engine upgrade",
        d(25),
        55,
        Kd::TechDebt,
        &["o-delivery"],
        &["r-sync"],
        ("dashboards 2× faster", "freezes schema changes for 6 weeks"),
        Some((8000.0, 1.0, 0.6, 5.0)),
        M::Should,
    );
    b.item(
        "r-ci",
        "l-platform",
        "Faster CI pipeline",
        d(8),
        20,
        Kd::TechDebt,
        &["o-delivery"],
        &[],
        ("−1 day cycle time", ""),
        Some((40.0, 2.0, 0.9, 1.0)),
        M::Should,
    );
    b.item(
        "r-oncall",
        "l-platform",
        "On-call runbooks & alert tuning",
        d(35),
        30,
        Kd::Reliability,
        &["o-delivery"],
        &[],
        ("≤ 2 P1 incidents a month", ""),
        Some((40.0, 1.0, 0.8, 1.0)),
        M::Could,
    );
    b.item(
        "r-sso",
        "l-platform",
        "SSO for small teams",
        ns + Duration::days(5),
        40,
        Kd::Feature,
        &["o-company"],
        &["r-guided"],
        ("unblocks 12 deals in pipeline", ""),
        Some((300.0, 3.0, 0.8, 3.0)),
        M::Should,
    );
    b.item("r-audit", "l-platform", "Audit log export", ns + Duration::days(40), 30, Kd::Feature, &[], &[], ("", ""), None, M::Wont);
    b.item(
        "r-hubspot",
        "l-growth",
        "HubSpot integration",
        d(-20),
        45,
        Kd::Feature,
        &["o-company"],
        &[],
        ("+8% trial-to-paid for marketing teams", ""),
        Some((1200.0, 2.0, 0.7, 3.0)),
        M::Should,
    );
    b.item(
        "r-slack",
        "l-growth",
        "Slack alerts on metric changes",
        d(30),
        30,
        Kd::Growth,
        &["o-mobile", "o-retention"],
        &[],
        ("+0.2 weekly sessions", ""),
        Some((3500.0, 1.0, 0.7, 2.0)),
        M::Should,
    );
    b.item(
        "r-referral",
        "l-growth",
        "Referral program",
        d(70),
        35,
        Kd::Growth,
        &[],
        &[],
        ("", ""),
        Some((2000.0, 1.0, 0.4, 2.0)),
        M::Could,
    );
    b.item(
        "r-pricing",
        "l-growth",
        "Pricing page experiment",
        d(15),
        21,
        Kd::Discovery,
        &["o-company"],
        &[],
        ("+10% trial starts", ""),
        Some((9000.0, 1.0, 0.5, 1.0)),
        M::Should,
    );
    b.item(
        "r-benchmarks",
        "l-growth",
        "Industry benchmarks report",
        ns + Duration::days(10),
        45,
        Kd::Discovery,
        &["o-company"],
        &["r-analytics"],
        ("inbound leads", ""),
        Some((5000.0, 1.0, 0.3, 3.0)),
        M::Could,
    );
    b.item(
        "r-ai-summaries",
        "l-growth",
        "AI summaries of dashboards",
        ns + Duration::days(30),
        60,
        Kd::Discovery,
        &[],
        &["r-warehouse"],
        ("", ""),
        Some((4000.0, 2.0, 0.3, 5.0)),
        M::Could,
    );

    // A few items serve key results directly, so the roadmap shows their goal signal.
    for (item, krs) in [
        ("r-drip", &["kr-ret30"][..]),
        ("r-guided", &["kr-ret30"]),
        ("r-incentive", &["kr-churn"]),
        ("r-mobile-perf", &["kr-mob-load"]),
        ("r-ci", &["kr-cycle"]),
        ("r-oncall", &["kr-incidents"]),
    ] {
        if let Some(i) = b.doc.roadmap_items.iter_mut().find(|i| i.id == item) {
            i.key_results = krs.iter().map(|k| k.to_string()).collect();
        }
    }

    // Milestones: five for retention, three for mobile.
    b.milestone("m-drip", "o-retention", "Redo the onboarding drip campaign (6 emails)", d(27), true, Some("r-drip"));
    b.milestone("m-analytics", "o-retention", "Implement an analytics tool by end of month", d(30), true, Some("r-analytics"));
    b.milestone("m-kb", "o-retention", "Add 15 knowledge-base articles", d(55), true, Some("r-kb"));
    b.milestone("m-incentive", "o-retention", "Launch an incentive plan with up to 25% discount", d(80), false, Some("r-incentive"));
    b.milestone("m-interviews", "o-retention", "Interview 10 churned customers", d(41), true, Some("r-churn-interviews"));
    b.milestone("m-mobile-qa", "o-mobile", "QA all mobile functions", d(35), true, Some("r-mobile-qa"));
    b.milestone("m-mobile-perf", "o-mobile", "Improve loading time by 30%", d(65), false, Some("r-mobile-perf"));
    b.milestone("m-mobile-integrations", "o-mobile", "Add 3 top integrations to mobile", d(89), false, Some("r-mobile-integrations"));
    for m in ["m-drip", "m-analytics", "m-kb", "m-incentive", "m-interviews"] {
        b.doc.key_result_milestones.push(KeyResultMilestone { key_result: "kr-ret-plan".into(), milestone: m.into() });
    }

    // The plan as approved at the start of the quarter: a few items have slipped since.
    let slipped: &[(&str, i64)] = &[("r-guided", 7), ("r-mobile-perf", 10), ("r-warehouse", 14)];
    let items: Vec<BaselineItem> = b
        .doc
        .roadmap_items
        .iter()
        .filter(|r| r.start.is_some_and(|s| s >= cs - Duration::days(30)))
        .map(|r| {
            let slip = slipped.iter().find(|(id, _)| *id == r.id).map_or(0, |(_, d)| *d);
            BaselineItem {
                item: r.id.clone(),
                lane: r.lane.clone(),
                start: r.start.expect("filtered") - Duration::days(slip),
                end: r.end.expect("items have dates") - Duration::days(slip),
            }
        })
        .collect();
    b.doc.baselines.push(Baseline { id: "b-approved".into(), name: format!("{cur} plan as approved"), saved_on: cs, items });

    // Feedback grouped into themes, linked to the items that answer it.
    for (id, name) in [
        ("t-setup", "Setup is confusing"),
        ("t-mobile-slow", "Mobile app is slow"),
        ("t-integrations", "Missing integrations"),
        ("t-pricing", "Pricing is unclear"),
        ("t-alerts", "Want alerts, not dashboards"),
    ] {
        b.doc.themes.push(Theme { id: id.into(), name: name.into() });
    }
    use FeedbackSource as Src;
    b.feedback("f-01", 80, Src::Interview, "Northwind", "Took us a week to connect our data.", &["t-setup"], &["r-guided"]);
    b.feedback("f-02", 74, Src::Support, "Contoso", "Which connector do I pick for Postgres on RDS?", &["t-setup"], &["r-kb", "r-guided"]);
    b.feedback(
        "f-03",
        70,
        Src::Review,
        "App Store review",
        "Dashboards take forever to load on my phone.",
        &["t-mobile-slow"],
        &["r-mobile-perf"],
    );
    b.feedback("f-04", 66, Src::Sales, "Fabrikam", "We need HubSpot data next to product usage.", &["t-integrations"], &["r-hubspot"]);
    b.feedback(
        "f-05",
        60,
        Src::Survey,
        "Tailspin",
        "I only open the app when someone pings me about a number.",
        &["t-alerts"],
        &["r-slack", "r-push"],
    );
    b.feedback(
        "f-06",
        55,
        Src::Interview,
        "Litware",
        "The first dashboard was easy, the second one I gave up on.",
        &["t-setup"],
        &["r-guided"],
    );
    b.feedback(
        "f-07",
        49,
        Src::Support,
        "Adventure Works",
        "Mobile charts spin for 5+ seconds on 4G.",
        &["t-mobile-slow"],
        &["r-mobile-perf"],
    );
    b.feedback("f-08", 44, Src::Sales, "Wide World Importers", "Can't tell which plan includes SSO.", &["t-pricing"], &["r-pricing"]);
    b.feedback(
        "f-09",
        38,
        Src::Interview,
        "Northwind",
        "Salesforce and Jira on mobile would make it our daily app.",
        &["t-integrations"],
        &["r-mobile-integrations"],
    );
    b.feedback("f-10", 31, Src::Survey, "Proseware", "Setup docs assume I know what a warehouse is.", &["t-setup"], &["r-kb"]);
    b.feedback("f-11", 26, Src::Review, "Play Store review", "Crashes when rotating a chart.", &["t-mobile-slow"], &["r-mobile-qa"]);
    b.feedback("f-12", 20, Src::Sales, "Coho Winery", "Pricing page doesn't say what a 'seat' is.", &["t-pricing"], &["r-pricing"]);
    b.feedback("f-13", 14, Src::Support, "Contoso", "Please send me a Slack message when churn spikes.", &["t-alerts"], &["r-slack"]);
    b.feedback("f-14", 9, Src::Interview, "Lucerne", "Integrations list is missing Zendesk.", &["t-integrations"], &[]);
    b.feedback("f-15", 3, Src::Other, "Community forum", "Onboarding checklist would have saved us a day.", &["t-setup"], &["r-guided"]);

    use ExperimentStatus as Ex;
    b.doc.experiments = vec![
        Experiment {
            id: "e-checklist".into(),
            title: "Checklist vs. wizard for first setup".into(),
            belief: s("A checklist that shows the whole path gets more teams to a first dashboard than a step-by-step wizard."),
            measure: s("A/B test on new trials for 3 weeks, 50/50 split."),
            success_signal: s("Day-1 activation at least 4 pts higher with the checklist."),
            change_our_mind: s("No difference after 1,000 trials, or more setup tickets."),
            status: Ex::Running,
            result: None,
            objective: s("o-retention"),
            roadmap_item: s("r-guided"),
        },
        Experiment {
            id: "e-push".into(),
            title: "Weekly digest push notification".into(),
            belief: s("Managers open the app more when it tells them which number moved."),
            measure: s("Holdout of 20% of mobile users for 4 weeks."),
            success_signal: s("+0.3 weekly sessions per user with no rise in uninstalls."),
            change_our_mind: s("Uninstalls up more than 1 pt."),
            status: Ex::Planned,
            result: None,
            objective: s("o-mobile"),
            roadmap_item: s("r-push"),
        },
        Experiment {
            id: "e-templates".into(),
            title: "Templates gallery on first login".into(),
            belief: s("Starting from a template beats starting from a blank canvas."),
            measure: s("Activation of cohorts before and after launch."),
            success_signal: s("Activation +5 pts."),
            change_our_mind: s("Template dashboards deleted within a week."),
            status: Ex::Validated,
            result: s("Activation rose from 23% to 30.5%; 64% of new teams start from a template."),
            objective: s("o-p-activation"),
            roadmap_item: s("r-templates"),
        },
    ];

    b.doc.decisions = vec![
        Decision {
            id: "d-sso".into(),
            date: cs - Duration::days(5),
            title: "Defer SSO for small teams to next quarter".into(),
            rationale: s("Retention work reaches more customers this quarter; SSO deals can wait 6 weeks."),
            alternatives: s("Ship SSO first and delay the guided setup; contract SSO out."),
            links: vec!["r-sso".into(), "r-guided".into(), "o-retention".into()],
        },
        Decision {
            id: "d-mobile-freeze".into(),
            date: cs + Duration::days(2),
            title: "Freeze new mobile features until QA pass is done".into(),
            rationale: s("Crash reports and slow loads drive the bad reviews; features on a shaky base won't move sessions."),
            alternatives: s("Parallel QA and feature work with two squads."),
            links: vec!["r-mobile-qa".into(), "o-mobile".into()],
        },
        Decision {
            id: "d-warehouse".into(),
            date: cs + Duration::days(20),
            title: "Upgrade the query engine rather than add caching".into(),
            rationale: s("Caching hides the problem for mobile only; the upgrade fixes web and mobile and lowers cost."),
            alternatives: s("Result caching layer; a managed warehouse."),
            links: vec!["r-warehouse".into(), "e-templates".into()],
        },
    ];
    b.doc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quarters_are_found_for_any_day() {
        let (id, start, end) = quarter_of(NaiveDate::from_ymd_opt(2026, 11, 25).unwrap());
        assert_eq!(id, "2026-Q4");
        assert_eq!(start, NaiveDate::from_ymd_opt(2026, 10, 1).unwrap());
        assert_eq!(end, NaiveDate::from_ymd_opt(2026, 12, 31).unwrap());
        let (id, _, end) = quarter_of(NaiveDate::from_ymd_opt(2027, 2, 28).unwrap());
        assert_eq!(id, "2027-Q1");
        assert_eq!(end, NaiveDate::from_ymd_opt(2027, 3, 31).unwrap());
    }

    #[test]
    fn the_sample_is_valid_on_every_day_of_a_year() {
        let mut day = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap();
        while day.year() == 2026 {
            let doc = sample_document(day);
            crate::interchange::validate(&doc).unwrap_or_else(|e| panic!("{day}: {e}"));
            day += Duration::days(1);
        }
    }
}

/// A large synthetic roadmap for speed measurements: `items` items over `days` days
/// from `from`, spread over `lanes` lanes, with quarterly cycles of five objectives
/// each, one dependency per five items (on an earlier one: no cycles) and one
/// milestone per ten. Two items in three serve a goal of the quarter they start in.
/// Seeded, so every run measures the same plan.
pub fn synthetic_roadmap(items: usize, lanes: usize, from: NaiveDate, days: i64, seed: u64) -> Document {
    // A small deterministic generator (a 64-bit LCG); the data only needs to look varied.
    let mut state = seed;
    let mut next = move |n: u64| {
        state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (state >> 33) % n.max(1)
    };
    let mut doc = Document::new(Product { name: "Synthetic roadmap".into(), ..Product::default() });
    let quarters = (days + 90) / 91;
    for q in 0..quarters {
        let start = from + Duration::days(91 * q);
        doc.cycles.push(Cycle { id: format!("c{q}"), start, end: start + Duration::days(90) });
        for k in 0..5 {
            doc.objectives.push(Objective {
                id: format!("o{q}-{k}"),
                title: format!("Objective {k} of quarter {q}"),
                description: None,
                cycle: Some(format!("c{q}")),
                parent: None,
                category: Some(ObjectiveCategory::ALL[k as usize % ObjectiveCategory::ALL.len()]),
                owner: None,
                status: ObjectiveStatus::Active,
                weight: None,
                ambition: Ambition::Aspirational,
                carried_from: None,
            });
        }
    }
    for l in 0..lanes {
        doc.lanes.push(Lane { id: format!("l{l}"), name: format!("Lane {}", l + 1), color: None });
    }
    let statuses = [ItemStatus::Planned, ItemStatus::InProgress, ItemStatus::Idea, ItemStatus::Done, ItemStatus::Dropped];
    for i in 0..items {
        let start = from + Duration::days(next(days as u64 - 60) as i64);
        let length = 1 + next(60) as i64;
        let quarter = (start - from).num_days() / 91;
        doc.roadmap_items.push(RoadmapItem {
            start: Some(start),
            end: Some(start + Duration::days(length - 1)),
            kind: ItemKind::ALL[i % ItemKind::ALL.len()],
            status: statuses[(i / 5) % statuses.len()],
            horizon: Some([Horizon::Now, Horizon::Next, Horizon::Later][i % 3]),
            objectives: if i % 3 == 0 { vec![] } else { vec![format!("o{quarter}-{}", next(5))] },
            depends_on: if i % 5 == 4 { vec![format!("r{}", next(i as u64))] } else { vec![] },
            ..RoadmapItem::new(
                format!("r{i}"),
                format!("l{}", i % lanes),
                format!("Initiative {i}: {}", ["Onboarding", "Mobile speed", "Integrations", "Billing", "Search"][i % 5]),
            )
        });
        if i % 10 == 0 {
            doc.milestones.push(Milestone {
                id: format!("m{i}"),
                objective: Some(format!("o{quarter}-0")),
                title: format!("Milestone {i}"),
                due: start + Duration::days(length - 1),
                done_on: None,
                roadmap_item: Some(format!("r{i}")),
            });
        }
    }
    doc
}

#[cfg(test)]
mod synthetic_tests {
    use super::*;

    #[test]
    fn the_synthetic_roadmap_is_a_valid_workspace_with_the_sizes_asked_for() {
        let doc = synthetic_roadmap(10_000, 20, NaiveDate::from_ymd_opt(2027, 1, 1).unwrap(), 3 * 365, 42);
        crate::interchange::validate(&doc).unwrap();
        assert_eq!(doc.roadmap_items.len(), 10_000);
        assert_eq!(doc.lanes.len(), 20);
        assert!(doc.roadmap_items.iter().filter(|i| !i.depends_on.is_empty()).count() > 1_500);
    }
}
