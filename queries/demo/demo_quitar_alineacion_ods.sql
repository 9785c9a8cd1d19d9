-- A real commitment keeps its row but loses an ODS alignment that was demo (no source aligns single commitments).
update compromisos set ods = null, ods_es_demo = false where ods_es_demo
