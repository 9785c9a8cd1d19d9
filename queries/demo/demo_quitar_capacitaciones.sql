-- Demo trainings. No parameters.
delete from capacitaciones where es_demo
