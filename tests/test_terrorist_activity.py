"""8 U.S.C. § 1182(a)(3)(B)(iii)–(iv): terrorist activity, and engaging in it."""

import pytest
from profiles import evaluate_dict, finding, with_, without

from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED


def status(data, rule, *, as_of=None, **readings):
    return finding(evaluate_dict(data, as_of=as_of, **readings), rule).status


def found(data, rule, *, as_of=None, **readings):
    return finding(evaluate_dict(data, as_of=as_of, **readings), rule)


def incident(data):
    return data["incidents"][0]


class TestUnlawful:
    def test_unlawful_where_committed_suffices(self, complete):
        """The first limb: unlawful under the laws of the place."""
        assert status(complete, "1182(a)(3)(B)(iii)/unlawful") is MET

    def test_unlawful_in_the_us_suffices_when_lawful_where_committed(self, complete):
        """The second limb: would be unlawful under US or State law."""
        incident(complete).update(unlawful_where_committed=False, unlawful_in_us=True)
        assert status(complete, "1182(a)(3)(B)(iii)/unlawful") is MET

    def test_lawful_on_both_limbs_is_not_terrorist_activity(self, complete):
        """An act lawful where committed and in the US is outside (iii)."""
        incident(complete).update(unlawful_where_committed=False, unlawful_in_us=False)
        assert status(complete, "1182(a)(3)(B)(iii)") is NOT_MET

    def test_lawful_where_committed_and_unknown_in_us_is_undetermined(self, complete):
        """One limb false and the other unknown leaves it open."""
        incident(complete)["unlawful_where_committed"] = False
        assert status(complete, "1182(a)(3)(B)(iii)/unlawful") is UNDETERMINED

    def test_a_killing_is_inferred_unlawful_in_the_us(self, complete):
        """A killing would be murder in every State: the second limb is inferred, and shown so;
        with inferences off it stays open."""
        incident(complete).update(unlawful_where_committed=False, involves=["killing"])
        met = found(complete, "1182(a)(3)(B)(iii)/unlawful")
        assert met.status is MET
        assert [i.rule for i in met.inferred] == ["unlawful-in-the-us"]
        off = status(complete, "1182(a)(3)(B)(iii)/unlawful", inferences="facts-only")
        assert off is UNDETERMINED

    def test_a_stated_fact_wins_over_the_inference(self, complete):
        """`unlawful_in_us: false` stated is not overridden by what the acts would infer."""
        incident(complete).update(
            unlawful_where_committed=False, unlawful_in_us=False, involves=["killing"]
        )
        assert status(complete, "1182(a)(3)(B)(iii)/unlawful") is NOT_MET


class TestKinds:
    @pytest.mark.parametrize(
        ("act", "clause"),
        [
            ("hijacking", "1182(a)(3)(B)(iii)(I)"),
            ("sabotage", "1182(a)(3)(B)(iii)(I)"),
            ("hostage-taking", "1182(a)(3)(B)(iii)(II)"),
            ("attack-on-protected-person", "1182(a)(3)(B)(iii)(III)"),
            ("assassination", "1182(a)(3)(B)(iii)(IV)"),
            ("chemical-agent", "1182(a)(3)(B)(iii)(V)(a)"),
            ("firearm", "1182(a)(3)(B)(iii)(V)(b)"),
        ],
    )
    def test_each_kind_of_act_meets_its_own_subclause(self, complete, act, clause):
        """The act listed under `involves` meets the subclause that names it."""
        incident(complete)["involves"] = [act]
        assert status(complete, clause) is MET
        assert status(complete, "1182(a)(3)(B)(iii)/involves") is MET

    def test_an_act_of_no_listed_kind_is_not_terrorist_activity(self, complete):
        """Unlawful, but involving none of (I)–(VI): not terrorist activity."""
        incident(complete).update(involves=[], threatened=[], attempted=[], conspired=[])
        assert status(complete, "1182(a)(3)(B)(iii)/involves") is NOT_MET

    def test_acts_of_no_listed_kind_in_a_list_not_complete_leave_it_open(self, complete):
        """`involves: [extortion]` says what is known, not all there was: a listed kind may
        be missing from the record. Only `{only: [...]}` rules (I)–(V) out."""
        incident(complete).update(
            involves=["extortion"], means=[], threatened=[], attempted=[], conspired=[]
        )
        assert status(complete, "1182(a)(3)(B)(iii)/involves") is UNDETERMINED
        incident(complete)["involves"] = {"only": ["extortion"]}
        assert status(complete, "1182(a)(3)(B)(iii)/involves") is NOT_MET

    def test_weapons_need_intent_to_endanger_or_to_damage_property(self, complete):
        """The flush language of (V) governs both (a) and (b)."""
        incident(complete).update(intent_to_endanger=False, intent_to_damage_property=False)
        assert status(complete, "1182(a)(3)(B)(iii)(V)") is NOT_MET

    def test_intent_to_cause_substantial_property_damage_suffices(self, complete):
        """Either limb of the intent element will do."""
        incident(complete).update(intent_to_endanger=False, intent_to_damage_property=True)
        assert status(complete, "1182(a)(3)(B)(iii)(V)") is MET

    def test_a_threatened_bombing_is_terrorist_activity_under_vi(self, complete):
        """(VI): a threat, attempt or conspiracy to do any of the foregoing."""
        incident(complete).update(involves=[], threatened=["explosive"])
        assert status(complete, "1182(a)(3)(B)(iii)(VI)") is MET

    def test_other_weapons_count_only_after_the_patriot_act(self, complete):
        """'other weapon or dangerous device' entered (V)(b) on 26 October 2001; before, the
        definition was clause (ii), whose (V)(b) listed only an "explosive or firearm"."""
        incident(complete).update(
            involves={"only": ["other-weapon"]}, means={"only": ["other-weapon"]}, date="1999-06-01"
        )
        assert status(complete, "1182(a)(3)(B)(iii)(V)(b)", as_of="2001-12-01") is MET
        assert status(complete, "1182(a)(3)(B)(ii)(V)(b)", as_of="2000-01-01") is NOT_MET

    def test_before_the_patriot_act_terrorist_activity_is_clause_ii(self, complete):
        """From 1996 to 25 October 2001, "terrorist activity" was defined in clause (ii) and
        "engage in terrorist activity" in clause (iii): the rules carry the ids of that day."""
        incident(complete)["date"] = "1999-06-01"
        report = evaluate_dict(complete, as_of="2000-01-01")
        assert finding(report, "1182(a)(3)(B)(ii)").status is MET
        assert finding(report, "1182(a)(3)(B)(iii)").title.startswith("engage")
        assert finding(report, "1182(a)(3)(B)(iii)").status is MET
        with pytest.raises(AssertionError):
            finding(report, "1182(a)(3)(B)(iv)")


class TestMonetaryGainCarveOut:
    def test_no_motive_element_profit_driven_shooting_still_counts(self, complete):
        """§ 1182 terrorist activity has no political-motive element."""
        incident(complete)["motives"] = ["financial"]
        assert status(complete, "1182(a)(3)(B)(iii)") is MET

    def test_mere_personal_monetary_gain_takes_a_shooting_out_of_v_b(self, complete):
        """An individual's personal gain is the carve-out's core case, when it was the only
        motive ("mere"): a motive list that may not be complete leaves the carve-out open."""
        incident(complete)["motives"] = {"only": ["personal-gain"]}
        assert status(complete, "1182(a)(3)(B)(iii)(V)(b)") is NOT_MET
        incident(complete)["motives"] = ["personal-gain"]
        assert status(complete, "1182(a)(3)(B)(iii)(V)(b)") is UNDETERMINED

    def test_an_organizations_profit_is_carved_out_only_on_the_broad_reading(self, complete):
        """Contested: is a cartel's profit 'mere personal monetary gain'?"""
        incident(complete)["motives"] = {"only": ["financial"]}
        assert status(complete, "1182(a)(3)(B)(iii)(V)(b)") is MET
        result = status(
            complete, "1182(a)(3)(B)(iii)(V)(b)", personal_monetary_gain="organizational-profit"
        )
        assert result is NOT_MET

    def test_the_carve_out_does_not_reach_assassination(self, complete):
        """The carve-out sits in (V)(b) only: a paid assassination is still terrorist activity."""
        incident(complete).update(involves=["assassination"], motives=["personal-gain"])
        assert status(complete, "1182(a)(3)(B)(iii)") is MET

    def test_unknown_motive_leaves_a_shooting_undetermined(self, complete):
        """Without the motive, the carve-out cannot be ruled out."""
        without(complete, "incidents", 0, "motives")
        incident(complete)["involves"] = ["firearm"]
        assert status(complete, "1182(a)(3)(B)(iii)(V)(b)") is UNDETERMINED

    def test_a_claimed_bombing_is_inferred_not_for_personal_gain(self, complete):
        """A public claim serves a purpose beyond gain: with the motive unknown, a claimed
        bombing is inferred not to be for mere personal monetary gain (not with facts-only)."""
        without(complete, "incidents", 0, "motives")
        incident(complete)["attribution"] = ["claimed"]
        met = found(complete, "1182(a)(3)(B)(iii)(V)(b)")
        assert met.status is MET
        assert [i.rule for i in met.inferred] == ["not-for-personal-gain"]
        off = status(complete, "1182(a)(3)(B)(iii)(V)(b)", inferences="facts-only")
        assert off is UNDETERMINED


class TestEngaging:
    def test_committing_needs_circumstances_showing_intent_to_kill_or_injure(self, complete):
        """(iv)(I) counts committing only with an intention to cause death or serious injury."""
        incident(complete)["intent_to_kill_or_injure"] = False
        assert status(complete, "1182(a)(3)(B)(iv)(I)") is NOT_MET

    def test_a_killing_shows_the_intention_of_iv_i(self, complete):
        """ "Circumstances indicating an intention": a killing is one, inferred and shown so;
        an act that harms no one shows none, and facts-only leaves the intention open."""
        without(complete, "incidents", 0, "intent_to_kill_or_injure")
        incident(complete)["involves"] = ["killing"]
        met = found(complete, "1182(a)(3)(B)(iv)(I)/intention")
        assert met.status is MET
        assert [i.rule for i in met.inferred] == ["intention-from-lethal-acts"]
        off = status(complete, "1182(a)(3)(B)(iv)(I)/intention", inferences="facts-only")
        assert off is UNDETERMINED
        incident(complete)["involves"] = ["extortion"]
        assert status(complete, "1182(a)(3)(B)(iv)(I)/intention") is UNDETERMINED

    @pytest.mark.parametrize(
        ("role", "clause"),
        [
            ("planned", "1182(a)(3)(B)(iv)(II)"),
            ("gathered-target-information", "1182(a)(3)(B)(iv)(III)"),
            ("solicited-funds", "1182(a)(3)(B)(iv)(IV)(aa)"),
            ("solicited-individuals", "1182(a)(3)(B)(iv)(V)(aa)"),
            ("material-support", "1182(a)(3)(B)(iv)(VI)(aa)"),
        ],
    )
    def test_each_mode_of_engaging_meets_its_subclause(self, complete, role, clause):
        """Supporting a terrorist activity is engaging in it, without the (iv)(I) intent."""
        incident(complete).update(
            role=[role], intent_to_kill_or_injure=False, support={"knowingly": True}
        )
        assert status(complete, clause) is MET
        assert status(complete, "1182(a)(3)(B)(iv)") is MET

    def test_material_support_must_be_knowing(self, complete):
        """(VI)(aa): an act that the actor "knows, or reasonably should know, affords material
        support": not knowing is not met; not known whether it knew is open."""
        incident(complete).update(role=["material-support"], intent_to_kill_or_injure=False)
        assert status(complete, "1182(a)(3)(B)(iv)(VI)(aa)") is UNDETERMINED
        incident(complete)["support"] = {"knowingly": False}
        assert status(complete, "1182(a)(3)(B)(iv)(VI)(aa)") is NOT_MET

    def test_a_role_list_not_complete_does_not_defeat_a_mode(self, complete):
        """`role: [material-support]` does not say the organization did not commit the act;
        `{only: [...]}` does."""
        incident(complete)["role"] = ["material-support"]
        assert status(complete, "1182(a)(3)(B)(iv)(I)/committed-or-incited") is UNDETERMINED
        incident(complete)["role"] = {"only": ["material-support"]}
        assert status(complete, "1182(a)(3)(B)(iv)(I)/committed-or-incited") is NOT_MET

    def test_unknown_role_is_undetermined(self, complete):
        """Whether the organization took part at all must be stated."""
        without(complete, "incidents", 0, "role")
        assert status(complete, "1182(a)(3)(B)(iv)/mode") is UNDETERMINED

    def test_a_claimed_act_is_inferred_committed(self, complete):
        """The record's attribution says who carried an act out: a claimed act is the
        organization's (inferred); a bare allegation is not enough on the default reading."""
        without(complete, "incidents", 0, "role")
        incident(complete)["attribution"] = ["claimed"]
        met = found(complete, "1182(a)(3)(B)(iv)(I)/committed-or-incited")
        assert met.status is MET
        assert [i.rule for i in met.inferred] == ["commission-from-attribution"]
        incident(complete)["attribution"] = ["alleged"]
        assert status(complete, "1182(a)(3)(B)(iv)(I)/committed-or-incited") is UNDETERMINED
        assert (
            status(complete, "1182(a)(3)(B)(iv)(I)/committed-or-incited", attribution="any") is MET
        )


class TestPresentTense:
    def test_an_incident_in_the_last_five_years_counts_by_default(self, complete):
        """ "Engages" is present tense; the default window is five years."""
        assert status(complete, "1189(a)(1)(B)/present") is MET

    def test_an_old_incident_does_not(self, complete):
        """Twelve years before as_of is outside every dated window."""
        incident(complete)["date"] = "2012-03-02"
        assert status(complete, "1189(a)(1)(B)/present") is NOT_MET
        assert status(complete, "1189(a)(1)(B)/present", engages_recency="any-time") is MET

    def test_an_incident_after_as_of_does_not_count(self, complete):
        """The assessment speaks for as_of; later events are not yet facts."""
        incident(complete)["date"] = "2025-01-01"
        assert status(complete, "1189(a)(1)(B)/present") is NOT_MET

    def test_a_month_straddling_the_window_start_is_undetermined(self, complete):
        """A date known only to the month may fall on either side of the window's start."""
        incident(complete)["date"] = "2019-06"
        assert status(complete, "1189(a)(1)(B)/present") is UNDETERMINED

    def test_an_undated_incident_is_undetermined(self, complete):
        """No date, no way to tell whether it is current."""
        without(complete, "incidents", 0, "date")
        assert status(complete, "1189(a)(1)(B)/present") is UNDETERMINED


def test_no_incidents_known_means_no_terrorist_activity(complete):
    """`incidents: []` is a known negative."""
    with_(complete, "incidents", [])
    assert status(complete, "1189(a)(1)(B)/terrorist-activity") is NOT_MET


def test_incidents_not_given_means_undetermined(complete):
    """Leaving incidents out is not the same as having none."""
    without(complete, "incidents")
    assert status(complete, "1189(a)(1)(B)/terrorist-activity") is UNDETERMINED


class TestIncidentsAreNotAllThereWere:
    """None of the incidents recorded being current terrorist activity does not show that the
    organization does not engage in it: others may have gone unrecorded."""

    @pytest.fixture
    def old(self, complete):
        incident(complete)["date"] = "2012-03-02"  # terrorist activity, outside the window
        return complete

    def test_no_current_incident_recorded_leaves_the_route_open(self, old):
        assert status(old, "1189(a)(1)(B)/terrorist-activity") is UNDETERMINED

    @pytest.mark.parametrize("fact", ["quiet_since", "all_incidents_since"])
    def test_a_record_covering_the_window_makes_it_not_met(self, old, fact):
        """A quiet period, or a complete list, since before the five-year window began."""
        old["conduct"] = {fact: "2019-06-30"}  # the window starts 2019-06-30
        assert status(old, "1189(a)(1)(B)/terrorist-activity") is NOT_MET

    def test_a_record_that_starts_inside_the_window_does_not(self, old):
        """A quiet period since 2020 says nothing of 2019-07 to 2020."""
        old["conduct"] = {"quiet_since": "2020-01-01"}
        assert status(old, "1189(a)(1)(B)/terrorist-activity") is UNDETERMINED

    def test_the_present_test_is_part_of_engaging_per_incident(self, old):
        """The recency test sits beside § 1182's "engage" for each incident: an old incident
        may be terrorist activity the organization engaged in, yet not one it engages in now."""
        report = evaluate_dict(old)
        engages = finding(report, "1189(a)(1)(B)/engages-in-terrorist-activity")
        assert {c.rule for c in engages.children} == {
            "1189(a)(1)(B)/present",
            "1182(a)(3)(B)(iv)",
        }
        assert finding(report, "1182(a)(3)(B)(iv)").status is MET
        assert engages.status is NOT_MET
