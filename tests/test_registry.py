"""The party registry's shared lists as every stage reads them."""

def test_titles_before_a_name_are_left_out_in_every_stage() -> None:
    from namndkoll.extract.positions_authors import strip_role
    from namndkoll.registry import without_roles
    from namndkoll.search.compare import independents_named

    assert without_roles("Förste vice ordförande Anna Berg") == "Anna Berg"
    assert without_roles("Ledamoten Per Ek") == "Per Ek"
    # two words are a name, even when the first is a title word
    assert without_roles("Vice Ek") == "Vice Ek"
    assert strip_role("Gruppledaren Eva Lind") == "Eva Lind"
    # search/ names an independent without the title extract/ strips ("Förste" was missing there)
    assert independents_named("Förste Vice Gun Larsson (-) yrkar bifall.") == ("Gun Larsson",)
