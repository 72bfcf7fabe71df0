from namndkoll.cli import app

app(prog_name="namndkoll")
