-- Demo membership counts of the Secretariados Técnicos Locales. No parameters.
delete from stl_integrantes where es_demo
