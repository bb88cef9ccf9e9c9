-- The rows LaminDB 2.9.1's init writes into a new PostgreSQL instance (fixtures/
-- lamindb-2.9-postgres-demo.sql without its content steps), in the order it writes them.
-- Ids come from the identity sequences (explicit ids only where LaminDB gives them), so
-- the sequences end where LaminDB's init left them; times are the columns' defaults.
INSERT INTO public.django_migrations (app, name, applied) VALUES
  ('lamindb', '0177_squashed', now()),
  ('lamindb', '0177_alter_artifactblock_artifact_and_more', now()),
  ('lamindb', '0178_v2_2', now()),
  ('lamindb', '0179_v2_2_part_2', now()),
  ('lamindb', '0180_v2_2_part_3', now()),
  ('lamindb', '0181_v2_2_part_4', now()),
  ('lamindb', '0182_v2_2_part_5', now()),
  ('lamindb', '0183_v2_2_part_6', now()),
  ('lamindb', '0184_alter_transformrecord_feature', now()),
  ('lamindb', '0185_alter_runrecord_feature', now()),
  ('lamindb', '0186_v2_4', now()),
  ('lamindb', '0187_v2_4_part_2', now()),
  ('lamindb', '0188_remove_record_prevent_record_type_cycle_and_more', now()),
  ('lamindb', '0189_v2_6', now()),
  ('lamindb', '0190_v2_6_1', now()),
  ('lamindb', '0191_artifactschema_unique_slot_schema', now()),
  ('lamindb', '0192_v2_9', now()),
  ('lamindb', '0193_v2_9_part_2', now()),
  ('lamindb', '0190_squashed', now());
INSERT INTO public.lamindb_space (name, uid, description, created_by_id) VALUES ('all', 'aaaaaaaaaaaa', 'Every team & user with access to the instance has access.', NULL);
INSERT INTO public.lamindb_user (uid, handle, name) VALUES ('00000000', 'anonymous', NULL);
INSERT INTO public.lamindb_branch (id, name, uid, description, _status_code, _aux, space_id, created_by_id) VALUES (-1, 'trash', 'tttttttttttt', 'The trash.', 0, NULL, 1, 1);
INSERT INTO public.lamindb_branch (id, name, uid, description, _status_code, _aux, space_id, created_by_id) VALUES (0, 'archive', 'aaaaaaaaaaaa', 'The archive.', 0, NULL, 1, 1);
INSERT INTO public.lamindb_branch (name, uid, description, _status_code, _aux, space_id, created_by_id) VALUES ('main', 'mmmmmmmmmmmm', 'The main & default branch of the instance.', 0, NULL, 1, 1);
INSERT INTO public.lamindb_storage (is_locked, _aux, uid, root, description, type, region, instance_uid, branch_id, created_on_id, run_id, space_id, created_by_id) VALUES (false, NULL, @STORAGE_UID@, @ROOT@, NULL, 'local', NULL, @INSTANCE_UID@, 1, 1, NULL, 1, 1);
