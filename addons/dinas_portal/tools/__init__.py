from .letter_number import format_letter_number
from .uploads import detect_file_type
from .urls import is_web_url
from .working_days import add_working_days, count_working_days, median
