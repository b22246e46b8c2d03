"""An organization's profile: the model of its facts (`model`), reading a YAML file into it with
positions and clear errors (`read`), warnings about suspicious facts (`lint`), and the facts
said in plain words (`plain`)."""
