-- Published versions of demo commitments. No parameters.
delete from compromisos_publicados where es_demo
