-- The published version of a real commitment loses an ODS alignment that was demo, like its working version.
update compromisos_publicados set ods = null, ods_es_demo = false where ods_es_demo
