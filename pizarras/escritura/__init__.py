"""El lado de escritura: cuentas, acceso, permisos, reglas de validación, bitácora, autorreporte y revisión.
Nunca importa el lado de lectura."""
