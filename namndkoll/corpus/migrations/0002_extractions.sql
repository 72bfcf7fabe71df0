-- What extract/ found in each document. Every row points to its document (deleted with it),
-- its § item when it lies inside one, its page, its character span in the document text and
-- the words quoted from there.

CREATE TABLE figures (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
    item TEXT,
    page INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind TEXT NOT NULL,          -- amount | count | percent
    value REAL NOT NULL,
    unit TEXT NOT NULL,          -- SEK, %, or the counted noun's lemma
    qualifier TEXT,
    per TEXT,
    in_table INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    quote TEXT NOT NULL          -- the sentence around it
);
CREATE INDEX figures_doc ON figures(document_id);
CREATE INDEX figures_kind_unit ON figures(kind, unit);

CREATE TABLE party_mentions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
    item TEXT,
    page INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    code TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX party_mentions_doc ON party_mentions(document_id);
CREATE INDEX party_mentions_code ON party_mentions(code);

CREATE TABLE people (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
    item TEXT,
    page INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    name TEXT NOT NULL,
    party TEXT,
    role TEXT,
    quote TEXT NOT NULL
);
CREATE INDEX people_doc ON people(document_id);
CREATE INDEX people_name ON people(name);
CREATE INDEX people_party ON people(party);

CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
    item TEXT,
    page INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    body TEXT,
    status TEXT NOT NULL,        -- decided | proposed
    decision_date TEXT,          -- when the decision was taken, where the text says
    text TEXT NOT NULL
);
CREATE INDEX decisions_doc ON decisions(document_id);

CREATE TABLE decision_clauses (
    decision_id INTEGER NOT NULL REFERENCES decisions(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL,
    text TEXT NOT NULL,
    PRIMARY KEY (decision_id, idx)
);

CREATE TABLE votes (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
    item TEXT,
    page INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    yes INTEGER,
    no INTEGER,
    abstain INTEGER,
    absent INTEGER,
    proposition TEXT,
    quote TEXT NOT NULL
);
CREATE INDEX votes_doc ON votes(document_id);

CREATE TABLE positions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
    item TEXT,
    page INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    kind TEXT NOT NULL,          -- reservation | sarskilt_uttalande | protokollsanteckning | yrkande | motion | skrivelse
    parties TEXT NOT NULL,       -- JSON list of codes, in order of mention
    people TEXT NOT NULL,        -- JSON list of names
    text TEXT NOT NULL
);
CREATE INDEX positions_doc ON positions(document_id);

-- one row per party of a position, for filtering by party
CREATE TABLE position_parties (
    position_id INTEGER NOT NULL REFERENCES positions(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    PRIMARY KEY (position_id, code)
);
CREATE INDEX position_parties_code ON position_parties(code);

CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
    item TEXT,
    page INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    label TEXT NOT NULL,
    text TEXT NOT NULL
);
CREATE INDEX entities_doc ON entities(document_id);
CREATE INDEX entities_label_text ON entities(label, text);
