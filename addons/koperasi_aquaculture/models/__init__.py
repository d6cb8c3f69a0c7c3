from . import aquaculture_farmer_group
