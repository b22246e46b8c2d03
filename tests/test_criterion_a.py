"""§ 1189(a)(1)(A): "the organization is a foreign organization"."""

from profiles import evaluate_dict, finding, with_, without

from fto_check.reasoning.logic import MET, NOT_MET, UNDETERMINED


def status(data, rule="1189(a)(1)(A)", **readings):
    return finding(evaluate_dict(data, **readings), rule).status


class TestOrganization:
    def test_a_group_that_exists_is_an_organization(self, complete):
        """A group of people acting together, not dissolved, is an organization."""
        assert status(complete, "1189(a)(1)(A)/organization") is MET

    def test_a_lone_individual_is_not(self, complete):
        """§ 1189 designates organizations, not individuals."""
        with_(complete, "organization", "is_group", False)
        assert status(complete, "1189(a)(1)(A)/organization") is NOT_MET

    def test_unknown_whether_a_group_is_undetermined(self, complete):
        """Leaving is_group out leaves the question open."""
        without(complete, "organization", "is_group")
        assert status(complete, "1189(a)(1)(A)/organization") is UNDETERMINED

    def test_a_dissolved_group_is_not_an_organization_by_default(self, complete):
        """Default reading: nothing is left to designate."""
        with_(complete, "organization", "dissolved", True)
        assert status(complete, "1189(a)(1)(A)/organization") is NOT_MET

    def test_a_dissolved_group_can_remain_one_on_the_other_reading(self, complete):
        """§ 1189(b)(1) contemplates groups that dissolve and reconstitute."""
        with_(complete, "organization", "dissolved", True)
        result = status(
            complete, "1189(a)(1)(A)/organization", dissolved_organization="still-an-organization"
        )
        assert result is MET

    def test_the_dissolution_reading_is_reported_only_when_it_mattered(self, complete):
        """A group known not to have dissolved does not depend on the reading."""
        node = finding(evaluate_dict(complete), "1189(a)(1)(A)/organization")
        assert node.readings == {}


class TestForeign:
    def test_a_group_based_abroad_and_not_us_organized_is_foreign(self, complete):
        """Default reading (base): leadership abroad and not organized under US law."""
        assert status(complete, "1189(a)(1)(A)/foreign") is MET

    def test_a_group_led_from_the_united_states_is_not_foreign(self, complete):
        """Headquarters in the US fails the default reading."""
        with_(complete, "foreign", "headquarters_in", "US")
        assert status(complete, "1189(a)(1)(A)/foreign") is NOT_MET

    def test_a_group_organized_under_us_law_is_not_foreign(self, complete):
        """Incorporation under US law makes it a US organization on the default reading."""
        with_(complete, "foreign", "organized_under_us_law", True)
        assert status(complete, "1189(a)(1)(A)/foreign") is NOT_MET

    def test_unknown_headquarters_is_undetermined(self, complete):
        """Without a base, foreignness cannot be decided on the default reading."""
        without(complete, "foreign", "headquarters_in")
        assert status(complete, "1189(a)(1)(A)/foreign") is UNDETERMINED

    def test_formed_in_the_us_and_led_from_abroad_depends_on_the_reading(self, complete):
        """The group that moved abroad: foreign by base, not by formation."""
        with_(complete, "foreign", "formed_in", "US")
        assert status(complete, "1189(a)(1)(A)/foreign", foreign_test="base") is MET
        assert status(complete, "1189(a)(1)(A)/foreign", foreign_test="formation") is NOT_MET

    def test_totality_needs_three_of_four_ties_abroad(self, complete):
        """Formed, based and operating abroad with foreign members: foreign."""
        complete["foreign"] = {
            "formed_in": "US",
            "headquarters_in": "CO",
            "operates_in": ["CO"],
            "members_principally_us_persons": False,
        }
        assert status(complete, "1189(a)(1)(A)/foreign", foreign_test="totality") is MET
        complete["foreign"]["headquarters_in"] = "US"
        assert status(complete, "1189(a)(1)(A)/foreign", foreign_test="totality") is NOT_MET

    def test_the_reading_that_decided_is_named_on_the_finding(self, complete):
        """Every finding that depended on a reading says which one."""
        node = finding(evaluate_dict(complete), "1189(a)(1)(A)/foreign")
        assert node.readings == {"foreign-test": "base"}


def test_a_is_met_only_when_both_elements_are(complete):
    """(A) is an organization AND foreign."""
    assert status(complete) is MET
    with_(complete, "foreign", "headquarters_in", "US")
    assert status(complete) is NOT_MET
