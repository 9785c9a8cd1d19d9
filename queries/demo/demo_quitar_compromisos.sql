-- Demo commitments. No parameters.
delete from compromisos where es_demo
