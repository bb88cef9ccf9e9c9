-- The rows LaminDB 0.73.0's init writes into a new SQLite instance (fixtures/
-- lamindb-0.73-sqlite-demo.tar.gz without its content steps). Django writes every time;
-- these tables have no defaults.
INSERT INTO sqlite_sequence (name, seq) VALUES
  ('lnschema_core_transform', 0),
  ('lnschema_core_run', 0),
  ('lnschema_core_param', 0),
  ('lnschema_core_featurevalue', 0),
  ('lnschema_core_feature', 0),
  ('lnschema_core_collectionfeatureset', 0),
  ('lnschema_core_collectionartifact', 0),
  ('lnschema_core_collection', 0),
  ('lnschema_core_artifactfeaturevalue', 0),
  ('lnschema_core_artifactfeatureset', 0),
  ('lnschema_core_artifact', 0),
  ('django_migrations', 0),
  ('lnschema_core_featureset', 0),
  ('lnschema_core_user', 0),
  ('lnschema_core_storage', 0);
INSERT INTO django_migrations (id, app, name, applied) VALUES
  (1, 'lnschema_core', '0037_rename_dataset_to_collection', @NOW@),
  (2, 'lnschema_core', '0038_alter_collection_artifact_alter_collection_artifacts_and_more', @NOW@),
  (3, 'lnschema_core', '0039_remove_collection_artifacts_collectionartifact_and_more', @NOW@),
  (4, 'lnschema_core', '0040_alter_transform_type', @NOW@),
  (5, 'lnschema_core', '0041_remove_transform_short_name_transform_description_and_more', @NOW@),
  (6, 'lnschema_core', '0042_rename_run_at_run_started_at_run_finished_at', @NOW@),
  (7, 'lnschema_core', '0043_run_json', @NOW@),
  (8, 'lnschema_core', '0044_run_replicated_outputs_transform_ulabels_and_more', @NOW@),
  (9, 'lnschema_core', '0045_rename_replicated_outputs_run_replicated_output_artifacts_and_more', @NOW@),
  (10, 'lnschema_core', '0046_storage_instance_uid', @NOW@),
  (11, 'lnschema_core', '0047_featurevalue_artifactfeaturevalue_and_more', @NOW@),
  (12, 'lnschema_core', '0048_alter_artifactulabel_feature_and_more', @NOW@),
  (13, 'lnschema_core', '0049_rename_type_feature_dtype_and_more', @NOW@),
  (14, 'lnschema_core', '0050_artifactfeatureset_feature_ref_is_semantic_and_more', @NOW@),
  (15, 'lnschema_core', '0051_remove_feature_feature_sets_featuresetfeature_and_more', @NOW@),
  (16, 'lnschema_core', '0052_rename_feature_value_artifactfeaturevalue_featurevalue_and_more', @NOW@),
  (17, 'lnschema_core', '0053_alter_featureset_hash_alter_paramvalue_created_by_and_more', @NOW@),
  (18, 'lnschema_core', '0052_squashed', @NOW@);
INSERT INTO lnschema_core_user (uid, handle, name, created_at, updated_at) VALUES ('00000000', 'anonymous', NULL, @NOW@, @NOW@);
INSERT INTO lnschema_core_storage (created_at, updated_at, uid, root, description, type, region, instance_uid, run_id, created_by_id) VALUES (@NOW@, @NOW@, @STORAGE_UID@, @ROOT@, NULL, 'local', NULL, @INSTANCE_UID@, NULL, 1);
