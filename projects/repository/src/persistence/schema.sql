-- Schema of the local ACS-compatible repository (SQLite, WAL).
-- Nodes follow Alfresco's node model: a typed node with a primary parent (child association),
-- aspects, properties (one row per value, typed columns for search/sort/facets), an ACL of
-- access control entries, and content held in the on-disk content store (content_url).
-- QNames are stored in prefixed form ("cm:folder"); the dictionary resolves prefixes.

CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);

-- Integer keys: the tables searches, listings and permission checks read per item at scale (property, aspect,
-- ace, acl_member) refer to a node by its seq, not its uuid, as ACS keys them by alf_node.id BIGINT
-- (alf_node_properties.node_id, alf_node_aspects.node_id, alf_node.acl_id -> alf_access_control_list.id,
-- alf_acl_member.acl_id: repository/src/main/resources/alfresco/dbscripts/create/org.alfresco.repo.domain.dialect.PostgreSQLDialect/AlfrescoCreate-RepoTables.sql):
-- a b-tree descent by an integer compares 8 bytes where one by a uuid compared 36 characters, the keys pack
-- several times more per page, and `n.seq IN (…)` is a look-up of node's own rowid instead of a descent of
-- node(id) and then of the table. The REST API keeps uuids (node.id). Databases made before are rebuilt on open
-- (database.ts, integerKeys).
CREATE TABLE IF NOT EXISTS node (
  seq           INTEGER PRIMARY KEY AUTOINCREMENT, -- the node's database id (sys:node-dbid), never reused (alf_node.id
                                             -- is a sequence): rows of other tables and kept ACL evaluations
                                             -- name a node by it, so a purged node's seq must never name another;
                                             -- also the rowid of node_text
  id            TEXT NOT NULL UNIQUE,        -- uuid, as in workspace://SpacesStore/<id>
  type          TEXT NOT NULL,               -- prefixed QName, e.g. cm:content
  parent_id     TEXT REFERENCES node(id),    -- primary parent; NULL for the store root and for a trashcan root
  name          TEXT NOT NULL,               -- cm:name
  name_key      TEXT NOT NULL,               -- lower(name): Alfresco's duplicate check ignores case
  assoc_qname   TEXT NOT NULL,               -- QName of the primary child association (PATH queries):
                                             -- cm:<ISO9075-encoded name>, or app:company_home, st:sites …
  is_folder     INTEGER NOT NULL DEFAULT 0,  -- subtype of cm:folder
  is_file       INTEGER NOT NULL DEFAULT 0,  -- subtype of cm:content
  inherits      INTEGER NOT NULL DEFAULT 1,  -- ACL inheritance from the primary parent
  acl_id        INTEGER NOT NULL,            -- seq of the nearest node (self or ancestor) that defines an ACL
                                             -- (has local entries or breaks inheritance): nodes sharing
                                             -- an ACL share one permission evaluation, as in Alfresco
  owner         TEXT,                        -- cm:owner (cm:ownable), else creator is the owner
  created_at    TEXT NOT NULL,               -- ISO-8601 UTC with milliseconds
  created_by    TEXT NOT NULL,
  modified_at   TEXT NOT NULL,
  modified_by   TEXT NOT NULL,
  content_url   TEXT,                        -- store://yyyy/mm/dd/<uuid>.bin
  mime_type     TEXT,
  encoding      TEXT,
  size          INTEGER,
  locked_by     TEXT,                        -- cm:lockOwner
  lock_type     TEXT,                        -- WRITE_LOCK | READ_ONLY_LOCK
  lock_lifetime TEXT,                        -- PERSISTENT | EPHEMERAL
  lock_expires  TEXT,
  archived_at   TEXT,                        -- set on every node of a deleted subtree (in the trashcan)
  archived_by   TEXT,
  archived_parent_id TEXT                    -- the trashcan root's former primary parent, for restore
);
CREATE UNIQUE INDEX IF NOT EXISTS node_unique_name ON node(parent_id, name_key);
CREATE INDEX IF NOT EXISTS node_parent ON node(parent_id, is_folder DESC, name_key);
CREATE INDEX IF NOT EXISTS node_type ON node(type);
CREATE INDEX IF NOT EXISTS node_acl ON node(acl_id);
CREATE INDEX IF NOT EXISTS node_modified ON node(modified_at);
CREATE INDEX IF NOT EXISTS node_created ON node(created_at);
CREATE INDEX IF NOT EXISTS node_archived ON node(archived_at) WHERE archived_at IS NOT NULL;
CREATE INDEX IF NOT EXISTS node_archived_parent ON node(archived_parent_id) WHERE archived_parent_id IS NOT NULL;

-- One row per property value (multi-valued properties use ord 0..n-1).
-- text_value holds the canonical string form (dates as ISO-8601 UTC, booleans 'true'/'false',
-- numbers as decimal text); num_value holds numbers and dates (epoch milliseconds) for ranges.
-- Clustered by node (WITHOUT ROWID): a node's properties are one range of one b-tree, where a rowid table
-- took a descent of the primary-key index and then one of the table per value (listings, facets and the
-- dashboard read several properties of every row they count). Databases made before are rebuilt on open
-- (database.ts, integerKeys).
CREATE TABLE IF NOT EXISTS property (
  node_id    INTEGER NOT NULL REFERENCES node(seq) ON DELETE CASCADE, -- node.seq
  qname      TEXT NOT NULL,
  ord        INTEGER NOT NULL DEFAULT 0,
  text_value TEXT,
  num_value  REAL,
  json_value TEXT NOT NULL,                   -- the value as JSON, exactly as returned by the API
  PRIMARY KEY (node_id, qname, ord)
) WITHOUT ROWID;
-- A property test's node ids from the index alone, in node order (qname, text_value, node_id): two tests
-- ANDed (an Inbox: held by the post AND moving) merge as two sorted lists, where through (qname, text_value)
-- each was read row by row from the table and sorted (300,000 items: 230-350 ms -> 30-50 ms). Partial, so
-- that only a test of the value can use it: a look-up of one node's property (node_id = ? AND qname = ?)
-- must keep the primary key, and a covering index on qname alone tempted SQLite to read every value of
-- the property for each node instead. A test of the property alone (qname = ?) uses property_num.
-- Replaces property_text (qname, text_value), which databases made before it still carry.
DROP INDEX IF EXISTS property_text;
CREATE INDEX IF NOT EXISTS property_value ON property(qname, text_value, node_id) WHERE text_value IS NOT NULL;
CREATE INDEX IF NOT EXISTS property_num ON property(qname, num_value);
-- Properties holding several values somewhere (a second value has ord 1): facet counting asks this of each
-- property a facet query tests, which otherwise reads every value of the property.
CREATE INDEX IF NOT EXISTS property_multi ON property(qname) WHERE ord > 0;

-- Properties searched together, indexed as pairs of values (property-pairs.ts; which pairs is the search
-- index's configuration, RepositoryOptions.pairedProperties, as Solr's is its own): an Inbox asks for the items
-- a post holds AND that are moving, and through property_value alone that read every item the post ever held
-- and every moving item of the department to keep the few both; by (qname, text_value, with_qname,
-- with_value) it reads only those few. One row per pair of values a node has (every value of each: a
-- multi-valued property pairs each of its values), made from the property rows (below).
CREATE TABLE IF NOT EXISTS property_pairing (
  qname      TEXT NOT NULL,
  with_qname TEXT NOT NULL,
  PRIMARY KEY (qname, with_qname)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS property_pair (
  qname      TEXT NOT NULL,
  text_value TEXT NOT NULL,
  with_qname TEXT NOT NULL,
  with_value TEXT NOT NULL,
  node_id    INTEGER NOT NULL,                -- node.seq
  PRIMARY KEY (qname, text_value, with_qname, with_value, node_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS property_pair_node ON property_pair(node_id);
-- A node's pairs are made again by the node store when a save changes one of its paired properties
-- (NodeStore.setProperties: once per save, where the whole change is known). Databases made while triggers on
-- every property row kept them lose those triggers (their pairs are the same): each property insert ran the
-- triggers' test, and a node's pairs were rebuilt once per paired value written.
DROP TRIGGER IF EXISTS property_pair_insert;
DROP TRIGGER IF EXISTS property_pair_update;
DROP TRIGGER IF EXISTS property_pair_delete;
-- A node purged takes its pairs with it, as its property rows go by the cascade.
CREATE TRIGGER IF NOT EXISTS property_pair_purged AFTER DELETE ON node
BEGIN
  DELETE FROM property_pair WHERE node_id = OLD.seq;
END;

-- A rowid table: a node's aspects are listed in the order they were added (rowid).
CREATE TABLE IF NOT EXISTS aspect (
  node_id INTEGER NOT NULL REFERENCES node(seq) ON DELETE CASCADE, -- node.seq
  qname   TEXT NOT NULL,
  PRIMARY KEY (node_id, qname)
);
CREATE INDEX IF NOT EXISTS aspect_qname ON aspect(qname);

-- Secondary child associations (the primary one is node.parent_id).
CREATE TABLE IF NOT EXISTS child_assoc (
  parent_id  TEXT NOT NULL REFERENCES node(id) ON DELETE CASCADE,
  child_id   TEXT NOT NULL REFERENCES node(id) ON DELETE CASCADE,
  assoc_type TEXT NOT NULL,
  PRIMARY KEY (parent_id, child_id, assoc_type)
);
CREATE INDEX IF NOT EXISTS child_assoc_child ON child_assoc(child_id);

-- Peer (target/source) associations.
CREATE TABLE IF NOT EXISTS peer_assoc (
  source_id  TEXT NOT NULL REFERENCES node(id) ON DELETE CASCADE,
  target_id  TEXT NOT NULL REFERENCES node(id) ON DELETE CASCADE,
  assoc_type TEXT NOT NULL,
  PRIMARY KEY (source_id, target_id, assoc_type)
);
CREATE INDEX IF NOT EXISTS peer_assoc_target ON peer_assoc(target_id);

-- Locally set access control entries; authority is a user name, GROUP_x, GROUP_EVERYONE or ROLE_OWNER.
-- Clustered by node (WITHOUT ROWID): the read filter reads the entries of each ACL of its chain, one range each.
CREATE TABLE IF NOT EXISTS ace (
  node_id    INTEGER NOT NULL REFERENCES node(seq) ON DELETE CASCADE, -- node.seq
  authority  TEXT NOT NULL,
  permission TEXT NOT NULL,                  -- a role: Consumer … Coordinator, SiteConsumer … SiteManager
  allowed    INTEGER NOT NULL DEFAULT 1,     -- 1 = ALLOWED, 0 = DENIED
  PRIMARY KEY (node_id, authority, permission)
) WITHOUT ROWID;
-- The entries of an authority (read-permission filtering starts from the caller's authorities).
CREATE INDEX IF NOT EXISTS ace_authority ON ace(authority, allowed, permission, node_id);

-- Derived from node (see acl-chains.ts): for each ACL (the seq of the node defining it) the nodes (seqs) whose
-- entries are in force in it, nearest first: itself at depth 0, then, while it inherits, its parent's ACL's.
CREATE TABLE IF NOT EXISTS acl_member (
  acl_id INTEGER NOT NULL,
  depth  INTEGER NOT NULL,
  def_id INTEGER NOT NULL,
  PRIMARY KEY (acl_id, depth)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS acl_member_def ON acl_member(def_id, acl_id);

-- Full text over name, title, description and content text (Devanagari marks kept as token characters).
-- rowid = node.seq.
CREATE VIRTUAL TABLE IF NOT EXISTS node_text USING fts5(
  name, title, description, content,
  tokenize = "unicode61 remove_diacritics 0 categories 'L* N* Co M*'"
);

CREATE TABLE IF NOT EXISTS version (
  node_id     TEXT NOT NULL REFERENCES node(id) ON DELETE CASCADE,
  label       TEXT NOT NULL,                 -- 1.0, 1.1, 2.0 …
  seq         INTEGER NOT NULL,
  name        TEXT NOT NULL,
  type        TEXT NOT NULL,
  content_url TEXT, mime_type TEXT, encoding TEXT, size INTEGER,
  properties  TEXT NOT NULL,                 -- JSON object of prefixed QName -> value
  aspects     TEXT NOT NULL,                 -- JSON array
  comment     TEXT,
  modified_at TEXT NOT NULL,
  modified_by TEXT NOT NULL,
  PRIMARY KEY (node_id, label)
);

CREATE TABLE IF NOT EXISTS person (
  id            TEXT PRIMARY KEY,            -- user name (case-insensitive match uses id_key)
  id_key        TEXT NOT NULL UNIQUE,
  first_name    TEXT NOT NULL,
  last_name     TEXT,
  email         TEXT,
  password_hash TEXT,                        -- scrypt$salt$hash
  enabled       INTEGER NOT NULL DEFAULT 1,
  email_notifications_enabled INTEGER NOT NULL DEFAULT 1,
  properties    TEXT NOT NULL DEFAULT '{}',  -- jobTitle, location, telephone … and custom properties
  aspect_names  TEXT NOT NULL DEFAULT '[]',
  home_folder_id TEXT,
  created_at    TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS authority_group (
  id           TEXT PRIMARY KEY,             -- GROUP_<name>
  display_name TEXT NOT NULL,
  description  TEXT,
  zones        TEXT NOT NULL DEFAULT '["APP.DEFAULT","AUTH.ALF"]',
  created_at   TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS group_member (
  group_id  TEXT NOT NULL REFERENCES authority_group(id) ON DELETE CASCADE,
  member_id TEXT NOT NULL,                    -- a user id or GROUP_x
  PRIMARY KEY (group_id, member_id)
);
CREATE INDEX IF NOT EXISTS group_member_member ON group_member(member_id);

CREATE TABLE IF NOT EXISTS site (
  id          TEXT PRIMARY KEY,              -- short name
  node_id     TEXT NOT NULL REFERENCES node(id),
  title       TEXT NOT NULL,
  description TEXT,
  visibility  TEXT NOT NULL,                 -- PUBLIC | MODERATED | PRIVATE
  preset      TEXT NOT NULL DEFAULT 'site-dashboard'
);
CREATE TABLE IF NOT EXISTS site_membership_request (
  site_id TEXT NOT NULL REFERENCES site(id) ON DELETE CASCADE,
  person_id TEXT NOT NULL,
  message TEXT,
  created_at TEXT NOT NULL,
  PRIMARY KEY (site_id, person_id)
);

CREATE TABLE IF NOT EXISTS ticket (
  id         TEXT PRIMARY KEY,               -- TICKET_<hex>
  person_id  TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);

CREATE TABLE IF NOT EXISTS preference (
  person_id TEXT NOT NULL,
  name      TEXT NOT NULL,
  value     TEXT NOT NULL,                   -- JSON
  PRIMARY KEY (person_id, name)
);

CREATE TABLE IF NOT EXISTS favorite (
  person_id   TEXT NOT NULL,
  target_id   TEXT NOT NULL,                 -- node id or site id
  target_type TEXT NOT NULL,                 -- file | folder | site
  created_at  TEXT NOT NULL,
  PRIMARY KEY (person_id, target_id)
);

CREATE TABLE IF NOT EXISTS shared_link (
  id         TEXT PRIMARY KEY,
  node_id    TEXT NOT NULL REFERENCES node(id) ON DELETE CASCADE,
  shared_by  TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT
);
CREATE UNIQUE INDEX IF NOT EXISTS shared_link_node ON shared_link(node_id);

CREATE TABLE IF NOT EXISTS comment (
  id          TEXT PRIMARY KEY,
  node_id     TEXT NOT NULL REFERENCES node(id) ON DELETE CASCADE,
  content     TEXT NOT NULL,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  modified_by TEXT NOT NULL,
  modified_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS comment_node ON comment(node_id, created_at);

CREATE TABLE IF NOT EXISTS tag (
  id      TEXT PRIMARY KEY,
  tag     TEXT NOT NULL,
  tag_key TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS node_tag (
  node_id TEXT NOT NULL REFERENCES node(id) ON DELETE CASCADE,
  tag_id  TEXT NOT NULL REFERENCES tag(id) ON DELETE CASCADE,
  PRIMARY KEY (node_id, tag_id)
);

CREATE TABLE IF NOT EXISTS audit_entry (
  id          INTEGER PRIMARY KEY AUTOINCREMENT,
  application TEXT NOT NULL,                 -- alfresco-access
  node_id     TEXT,
  created_by  TEXT NOT NULL,
  created_at  TEXT NOT NULL,
  entry_values TEXT NOT NULL                 -- JSON
);
CREATE INDEX IF NOT EXISTS audit_entry_node ON audit_entry(node_id, id);

-- Ratings of nodes: one per person and scheme (likes: score 1; fiveStar: 1..5). Ratings room.
CREATE TABLE IF NOT EXISTS rating (
  node_id   TEXT NOT NULL REFERENCES node(id) ON DELETE CASCADE,
  person_id TEXT NOT NULL,
  scheme    TEXT NOT NULL,                   -- likes | fiveStar
  score     REAL NOT NULL,
  rated_at  TEXT NOT NULL,
  PRIMARY KEY (node_id, person_id, scheme)
);

-- Workflow (src/workflow): an Activiti-compatible interpreter. Ids come from one counter, as Activiti's
-- do (process "101", task "115", definition "activitiAdhoc:1:4").
CREATE TABLE IF NOT EXISTS wf_counter (id INTEGER PRIMARY KEY CHECK (id = 1), value INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS wf_deployment (
  id             TEXT PRIMARY KEY,
  name           TEXT NOT NULL,
  category       TEXT,
  deployed_at    TEXT NOT NULL,
  source_node_id TEXT,                       -- the bpm:workflowDefinition node it came from
  source_content_url TEXT,
  xml            TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS wf_definition (
  id             TEXT PRIMARY KEY,           -- <key>:<version>:<n>
  key            TEXT NOT NULL,
  version        INTEGER NOT NULL,
  name           TEXT,
  description    TEXT,
  category       TEXT,
  deployment_id  TEXT NOT NULL REFERENCES wf_deployment(id) ON DELETE CASCADE,
  start_form_key TEXT,
  graphic        INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS wf_definition_key ON wf_definition(key, version);
CREATE TABLE IF NOT EXISTS wf_process (
  id             TEXT PRIMARY KEY,
  definition_id  TEXT NOT NULL,
  business_key   TEXT,
  start_user_id  TEXT NOT NULL,
  started_at     TEXT NOT NULL,
  ended_at       TEXT,
  start_activity_id TEXT,
  end_activity_id TEXT,
  delete_reason  TEXT
);
CREATE INDEX IF NOT EXISTS wf_process_def ON wf_process(definition_id);
-- Tokens: the root execution has the process id; forks and multi-instance add children.
CREATE TABLE IF NOT EXISTS wf_execution (
  id          TEXT PRIMARY KEY,
  process_id  TEXT NOT NULL,
  parent_id   TEXT,
  activity_id TEXT,
  state       TEXT NOT NULL,                 -- active | waiting | joined | mi-root | ended
  created_seq INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS wf_execution_process ON wf_execution(process_id);
CREATE TABLE IF NOT EXISTS wf_task (
  id            TEXT PRIMARY KEY,
  process_id    TEXT NOT NULL,
  execution_id  TEXT NOT NULL,
  definition_id TEXT NOT NULL,
  activity_id   TEXT NOT NULL,
  name          TEXT,
  description   TEXT,
  assignee      TEXT,
  owner         TEXT,
  priority      INTEGER NOT NULL DEFAULT 2,
  due_at        TEXT,
  form_key      TEXT,
  delegation    TEXT,                        -- PENDING | RESOLVED
  started_at    TEXT NOT NULL,
  ended_at      TEXT,                        -- set when completed or cancelled (history)
  delete_reason TEXT
);
CREATE INDEX IF NOT EXISTS wf_task_process ON wf_task(process_id);
CREATE INDEX IF NOT EXISTS wf_task_assignee ON wf_task(assignee, ended_at);
CREATE INDEX IF NOT EXISTS wf_task_owner ON wf_task(owner, ended_at) WHERE owner IS NOT NULL;
-- Open tasks (the task listing's default status), by process and in id order.
CREATE INDEX IF NOT EXISTS wf_task_open ON wf_task(process_id) WHERE ended_at IS NULL;
CREATE TABLE IF NOT EXISTS wf_task_candidate (
  task_id  TEXT NOT NULL REFERENCES wf_task(id) ON DELETE CASCADE,
  kind     TEXT NOT NULL,                    -- user | group (candidates) | starter (TaskCreateListener)
  authority TEXT NOT NULL,
  PRIMARY KEY (task_id, kind, authority)
);
-- Tasks offered to (or involving) an authority: the pool of a post's group, a user's candidate and starter links.
CREATE INDEX IF NOT EXISTS wf_task_candidate_authority ON wf_task_candidate(authority, kind);
-- The candidate links of open tasks only, as Activiti keeps them in ACT_RU_IDENTITYLINK (ACT_HI_IDENTITYLINK, like
-- wf_task_candidate, keeps every link): a post's pool (GET /tasks?where=(candidateGroup=…)) is read from here, so
-- its cost follows the pool, not the history. Kept by the triggers below whatever writes the tasks; the INSERT
-- fills it for a database made before it existed.
CREATE TABLE IF NOT EXISTS wf_open_candidate (
  authority TEXT NOT NULL,
  kind      TEXT NOT NULL,                   -- user | group
  task_id   TEXT NOT NULL,
  PRIMARY KEY (authority, kind, task_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS wf_open_candidate_task ON wf_open_candidate(task_id);
CREATE TRIGGER IF NOT EXISTS wf_open_candidate_link AFTER INSERT ON wf_task_candidate
  WHEN NEW.kind IN ('user', 'group') AND EXISTS (SELECT 1 FROM wf_task WHERE id = NEW.task_id AND ended_at IS NULL)
  BEGIN INSERT OR IGNORE INTO wf_open_candidate (authority, kind, task_id) VALUES (NEW.authority, NEW.kind, NEW.task_id); END;
CREATE TRIGGER IF NOT EXISTS wf_open_candidate_unlink AFTER DELETE ON wf_task_candidate
  BEGIN DELETE FROM wf_open_candidate WHERE authority = OLD.authority AND kind = OLD.kind AND task_id = OLD.task_id; END;
CREATE TRIGGER IF NOT EXISTS wf_open_candidate_ended AFTER UPDATE OF ended_at ON wf_task WHEN NEW.ended_at IS NOT NULL
  BEGIN DELETE FROM wf_open_candidate WHERE task_id = NEW.id; END;
CREATE TRIGGER IF NOT EXISTS wf_open_candidate_deleted AFTER DELETE ON wf_task
  BEGIN DELETE FROM wf_open_candidate WHERE task_id = OLD.id; END;
INSERT OR IGNORE INTO wf_open_candidate (authority, kind, task_id)
  SELECT c.authority, c.kind, c.task_id FROM wf_task t JOIN wf_task_candidate c ON c.task_id = t.id
  WHERE t.ended_at IS NULL AND c.kind IN ('user', 'group');
-- Variables of a scope: the process (root execution), a child execution, or a task (task-local).
CREATE TABLE IF NOT EXISTS wf_variable (
  scope_id   TEXT NOT NULL,
  process_id TEXT NOT NULL,
  name       TEXT NOT NULL,                  -- bpm_assignee (REST form of bpm:assignee)
  type       TEXT NOT NULL,                  -- d:text, d:int, d:noderef, cm:person …
  value      TEXT NOT NULL,                  -- JSON
  PRIMARY KEY (scope_id, name)
);
CREATE INDEX IF NOT EXISTS wf_variable_process ON wf_variable(process_id);
-- Processes by a variable's value (tasks where variables/eowf_itemId = …: the task of an item).
CREATE INDEX IF NOT EXISTS wf_variable_value ON wf_variable(name, value);
CREATE TABLE IF NOT EXISTS wf_activity (
  seq          INTEGER PRIMARY KEY AUTOINCREMENT,
  process_id   TEXT NOT NULL,
  execution_id TEXT NOT NULL,
  activity_id  TEXT NOT NULL,
  activity_name TEXT,
  activity_type TEXT NOT NULL,
  task_id      TEXT,
  assignee     TEXT,
  started_at   TEXT NOT NULL,
  ended_at     TEXT
);
CREATE INDEX IF NOT EXISTS wf_activity_process ON wf_activity(process_id, seq);
-- An execution's latest step of an activity (ended or given its task when the task is created or completed):
-- without it each of those updates read every step of every process ever run.
CREATE INDEX IF NOT EXISTS wf_activity_execution ON wf_activity(execution_id, activity_id, seq);
CREATE TABLE IF NOT EXISTS wf_package (
  process_id TEXT PRIMARY KEY,
  node_id    TEXT NOT NULL                   -- the bpm:package folder (bpm_package)
);
-- Timer jobs of boundary events, fired by the engine's job executor when due (Activiti's ACT_RU_JOB timers).
CREATE TABLE IF NOT EXISTS wf_timer (
  id            TEXT PRIMARY KEY,
  process_id    TEXT NOT NULL,
  execution_id  TEXT NOT NULL,               -- the token waiting in the task (the multi-instance root for loops)
  activity_id   TEXT NOT NULL,               -- the boundaryEvent
  attached_id   TEXT NOT NULL,               -- the userTask it is attached to
  due_at        TEXT NOT NULL,               -- ISO 8601
  retries       INTEGER NOT NULL DEFAULT 3,
  exception     TEXT
);
CREATE INDEX IF NOT EXISTS wf_timer_due ON wf_timer(due_at);
-- Mail is sent, not kept (mail/): the table earlier versions recorded it in goes.
DROP TABLE IF EXISTS wf_mail;
