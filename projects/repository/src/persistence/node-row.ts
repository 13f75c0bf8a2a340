/** A row of table `node` (see schema.sql). */
export interface NodeRow {
  seq: number;
  id: string;
  type: string;
  parent_id: string | null;
  name: string;
  name_key: string;
  assoc_qname: string;
  is_folder: number;
  is_file: number;
  inherits: number;
  /** The seq of the node defining the ACL in force (itself, or the ancestor it inherits from), as alf_node.acl_id. */
  acl_id: number;
  owner: string | null;
  created_at: string;
  created_by: string;
  modified_at: string;
  modified_by: string;
  content_url: string | null;
  mime_type: string | null;
  encoding: string | null;
  size: number | null;
  locked_by: string | null;
  lock_type: string | null;
  lock_lifetime: string | null;
  lock_expires: string | null;
  archived_at: string | null;
  archived_by: string | null;
  archived_parent_id: string | null;
}
