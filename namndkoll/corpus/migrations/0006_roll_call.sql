-- Roll calls: every member's vote in a vote, when the protocol lists them (a Meetings Plus
-- Voteringslista, a Göteborg omröstningsbilaga, "… röstar Ja (7)"); the note of a vote whose
-- members do not add up to its stated result; and the forms of party codes as written
-- ("fp" -> L, a local party the registry does not know).

CREATE TABLE roll_call (
    id INTEGER PRIMARY KEY,
    vote_id INTEGER NOT NULL REFERENCES votes(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,        -- the member's place in the list
    name TEXT NOT NULL,          -- "Aslan Akbas" (normalised from "Akbas, Aslan")
    name_key TEXT NOT NULL,      -- casefolded, single spaces: the key for --member
    party TEXT,                  -- today's code; "-" for an independent; the list's own code if unknown
    vote TEXT NOT NULL CHECK (vote IN ('ja', 'nej', 'avstar', 'franvarande')),
    role TEXT,                   -- ordförande, ledamot, ersättare, tjänstgörande ersättare ...
    note TEXT,                   -- "kvittad", "no mark", "fp in the list"
    page INTEGER NOT NULL,
    start INTEGER NOT NULL,      -- the member's line in the document text (0, 0 from a table)
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL           -- the member's row as written
);
CREATE INDEX roll_call_vote ON roll_call(vote_id);
CREATE INDEX roll_call_name ON roll_call(name_key);
CREATE INDEX roll_call_party ON roll_call(party);

ALTER TABLE votes ADD COLUMN note TEXT;
ALTER TABLE party_mentions ADD COLUMN original TEXT;
ALTER TABLE party_mentions ADD COLUMN local INTEGER NOT NULL DEFAULT 0;
ALTER TABLE people ADD COLUMN party_original TEXT;
