"""Parts several workspace rooms share: navigation, notices, form fields, text tables, local times."""
