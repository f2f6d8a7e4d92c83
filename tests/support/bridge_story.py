"""A village story with no names, numbers or quotations (nothing survives a gloss;
lengths alone mislead): what alignment tests with sentence vectors are given."""

BRIDGE_STORY = [
    "The village council met on a cold evening to discuss the old bridge.",
    "Several farmers complained that their trucks could no longer cross the river safely.",
    "The mayor promised to ask the regional government for help.",
    "Engineers who inspected the structure last spring found deep cracks in the pillars.",
    "Some residents want a new bridge, while others prefer to repair the existing one.",
    "A final decision is expected before the harvest begins.",
    "The school bus now takes a long detour through the hills every morning.",
    "Shopkeepers say fewer customers come from the other side of the river.",
    "A retired teacher collected signatures for a petition to the minister.",
    "The regional office replied that its budget for roads is already spent.",
    "Volunteers painted warning signs and placed them at both ends of the bridge.",
    "The council will meet again next month to hear the engineers' report.",
]
